package io.watchpost.source;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClientBuilder;
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
        return create(settings, null);
    }

    /** @param metrics where every call's SDK metrics go (the ingest engine's API call latency), or null */
    static CloudWatchLogsClient create(AwsSettings settings, MetricPublisher metrics) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.ADAPTIVE_V2)
                .apiCallTimeout(Duration.ofMinutes(2))
                // A cut or stalled response must fail and be retried, not hang a lane.
                .apiCallAttemptTimeout(Duration.ofSeconds(30));
        if (metrics != null) {
            override.addMetricPublisher(metrics);
        }
        CloudWatchLogsClientBuilder builder = CloudWatchLogsClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(32).connectionTimeout(Duration.ofSeconds(5)))
                // Adaptive retry: backs off on ThrottlingException and 5xx and rate-limits the client itself.
                .overrideConfiguration(override.build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    /**
     * The async client, needed only for StartLiveTail's event stream. It takes the SDK's default async HTTP client
     * (netty-nio-client, on the class path through the service module's runtime dependency); without one this
     * throws and the engine stays on polling.
     */
    public static CloudWatchLogsAsyncClient createAsync(AwsSettings settings) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.ADAPTIVE_V2);
        CloudWatchLogsAsyncClientBuilder builder = CloudWatchLogsAsyncClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
            // StartLiveTail's model adds a "streaming-" host prefix, which would turn 127.0.0.1 into an unknown host.
            override.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
        }
        return builder.overrideConfiguration(override.build()).build();
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
