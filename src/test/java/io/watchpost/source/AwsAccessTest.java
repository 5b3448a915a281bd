package io.watchpost.source;

import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profiles from the AWS files, log groups across pages, and "test connection" against an endpoint without STS. */
class AwsAccessTest {

    @TempDir
    Path dir;

    @Test
    void listsProfilesOfConfigAndCredentialsWithoutSecrets() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), """
                [default]
                region = eu-west-1
                [profile prod-sso]
                sso_session = corp
                sso_account_id = 123456789012
                sso_role_name = Analyst
                region = us-east-2
                [profile audit]
                role_arn = arn:aws:iam::123456789012:role/Audit
                source_profile = default
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                """);
        Path credentials = Files.writeString(dir.resolve("credentials"), """
                [default]
                aws_access_key_id = AKIAEXAMPLEEXAMPLE12
                aws_secret_access_key = secret-never-shown
                """);
        ProfileFile files = ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build())
                .addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build())
                .build();
        List<AwsProfile> profiles = AwsAccess.listProfiles(files);
        assertEquals(List.of(new AwsProfile("audit", null, "assume-role"), new AwsProfile("default", "eu-west-1", "static keys"),
                new AwsProfile("prod-sso", "us-east-2", "sso")), profiles);
        assertFalse(profiles.toString().contains("secret-never-shown"));
    }

    @Test
    void listsLogGroupsByPrefixAcrossPagesAndTestsTheConnection() throws Exception {
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0))) {
            for (int i = 0; i < 120; i++) {
                emu.logs().createLogGroup(String.format("/app/svc-%03d", i));
            }
            emu.logs().createLogGroup("/aws/lambda/other");
            AwsSettings settings = AwsSettings.embedded(emu.endpoint());
            List<String> groups = AwsAccess.listLogGroups(settings, "/app/");
            assertEquals(120, groups.size(), "DescribeLogGroups returns 50 a page: three pages");
            assertEquals("/app/svc-119", groups.get(119));
            assertEquals(121, AwsAccess.listLogGroups(settings, null).size());

            ConnectionTest test = AwsAccess.testConnection(settings);
            assertTrue(test.message().startsWith("STS not available at this endpoint"), test.message());
            assertTrue(test.logsReachable());
            assertNull(test.account());
        }
    }

    @Test
    void aDeadEndpointFailsTheConnectionTestQuickly() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConnectionTest test = AwsAccess.testConnection(AwsSettings.embedded(java.net.URI.create("http://127.0.0.1:" + port)));
        assertFalse(test.ok());
        assertFalse(test.logsReachable());
        assertTrue(test.message().contains("CloudWatch Logs"), test.message());
    }
}
