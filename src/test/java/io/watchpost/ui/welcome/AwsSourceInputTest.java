package io.watchpost.ui.welcome;

import io.watchpost.ui.settings.AwsSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsSourceInputTest {

    @Test
    void acceptsRegionsAndCommaOrLineSeparatedLogGroups() {
        AwsSourceInput.Result r = AwsSourceInput.validate(" prod ", "eu-west-1",
                "/aws/cloudtrail/management, /var/log/secure\n/app/orders-service  /var/log/secure");
        assertEquals(new AwsSource("prod", "eu-west-1",
                List.of("/aws/cloudtrail/management", "/var/log/secure", "/app/orders-service")), r.source().orElseThrow());
        for (String region : List.of("us-gov-west-1", "cn-north-1", "ap-southeast-5", "il-central-1", "us-isob-east-1")) {
            assertTrue(AwsSourceInput.validate(null, region, "/a").valid(), region);
        }
        assertEquals(null, AwsSourceInput.validate("", "us-east-1", "/a").source().orElseThrow().profile());
    }

    @Test
    void rejectsBadRegionsAndLogGroupsWithMessagesNamingTheField() {
        AwsSourceInput.Result r = AwsSourceInput.validate(null, "eu-west", "arn:aws:logs:eu-west-1:1:log-group:/x");
        assertFalse(r.valid());
        assertEquals(2, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).startsWith("Region: 'eu-west'"));
        assertTrue(r.errors().get(1).startsWith("Log groups: 'arn:aws:logs"));

        assertEquals(List.of("Region: choose a region, e.g. us-east-1.",
                        "Log groups: name at least one log group, e.g. /aws/cloudtrail/management."),
                AwsSourceInput.validate(null, " ", " , ").errors());
    }
}
