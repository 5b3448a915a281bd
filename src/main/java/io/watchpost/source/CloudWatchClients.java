package io.watchpost.source;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;

import java.time.Duration;

/** Builds the real AWS SDK v2 CloudWatch Logs client: the only way Watchpost talks to CloudWatch. */
public final class CloudWatchClients {

    /**
     * Credentials for a loopback endpoint when the user has none configured: the embedded endpoint checks no
     * signature, and a demo must not require an AWS account. Never used for a non-loopback endpoint.
     */
    private static final AwsBasicCredentials LOCAL_ONLY = AwsBasicCredentials.create("WATCHPOSTLOCAL", "local-endpoint");

    private CloudWatchClients() {
    }

    public static CloudWatchLogsClient create(AwsSettings settings) {
        CloudWatchLogsClientBuilder builder = CloudWatchLogsClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16).connectionTimeout(Duration.ofSeconds(5)))
                // Adaptive retry: backs off on ThrottlingException and 5xx and rate-limits the client itself.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.ADAPTIVE_V2)
                        .apiCallTimeout(Duration.ofMinutes(2))
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    static AwsCredentialsProvider credentials(AwsSettings settings) {
        AwsCredentialsProvider configured = settings.profile() != null
                ? ProfileCredentialsProvider.create(settings.profile())
                : DefaultCredentialsProvider.builder().build();
        if (settings.isLoopbackEndpoint() && settings.profile() == null) {
            return AwsCredentialsProviderChain.builder()
                    .credentialsProviders(configured, StaticCredentialsProvider.create(LOCAL_ONLY))
                    .reuseLastProviderEnabled(true)
                    .build();
        }
        return configured;
    }
}
