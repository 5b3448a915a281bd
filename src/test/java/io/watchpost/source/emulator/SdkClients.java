package io.watchpost.source.emulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** The real SDK client, configured the way Watchpost points it at the emulator. */
final class SdkClients {

    static {
        // No logback-test.xml of our own (shared resources root): keep SDK and Apache wire logging out of test output.
        for (String name : new String[]{"software.amazon.awssdk", "org.apache.http", "io.netty"}) {
            org.slf4j.Logger l = org.slf4j.LoggerFactory.getLogger(name);
            if (l instanceof ch.qos.logback.classic.Logger lb) {
                lb.setLevel(ch.qos.logback.classic.Level.INFO);
            }
        }
    }

    private SdkClients() {
    }

    static CloudWatchLogsClient client(CloudWatchLogsEmulator emu) {
        return CloudWatchLogsClient.builder()
                .endpointOverride(emu.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    static CloudWatchLogsClient clientWithoutRetries(CloudWatchLogsEmulator emu) {
        return CloudWatchLogsClient.builder()
                .endpointOverride(emu.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }
}
