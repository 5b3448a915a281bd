package io.watchpost.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The welcome screen's profile list: every profile in the config and credentials files, once, sorted. */
class AwsProfilesTest {

    @TempDir
    Path home;

    @Test
    void listsProfilesFromTheConfigAndCredentialsFiles() throws Exception {
        Path config = Files.writeString(home.resolve("config"), """
                [default]
                region = us-east-1
                [profile prod-readonly]
                sso_start_url = https://example.awsapps.com/start
                region = eu-west-1
                """);
        Path credentials = Files.writeString(home.resolve("credentials"), """
                [default]
                aws_access_key_id = AKIAEXAMPLE
                aws_secret_access_key = example
                [security-audit]
                aws_access_key_id = AKIAEXAMPLE2
                aws_secret_access_key = example2
                """);
        assertEquals(List.of("default", "prod-readonly", "security-audit"), AwsProfiles.names(config, credentials));
        assertEquals(List.of(), AwsProfiles.names(home.resolve("none"), home.resolve("none-either")));
    }
}
