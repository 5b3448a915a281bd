package io.watchpost.source;

import java.net.URI;

/**
 * How to reach CloudWatch Logs: an optional endpoint override (the embedded endpoint, a VPC endpoint), the region,
 * and an optional named profile from ~/.aws/config and ~/.aws/credentials (null: the SDK's default chain).
 */
public record AwsSettings(URI endpoint, String region, String profile) {

    public static final String DEFAULT_REGION = "us-east-1";

    public AwsSettings {
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    }

    /** Settings for Watchpost's own embedded endpoint. */
    public static AwsSettings embedded(URI endpoint) {
        return new AwsSettings(endpoint, DEFAULT_REGION, null);
    }

    /** True when the endpoint is on this machine: the embedded endpoint, which needs no real credentials. */
    public boolean isLoopbackEndpoint() {
        if (endpoint == null || endpoint.getHost() == null) {
            return false;
        }
        String host = endpoint.getHost();
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** Names the source without secrets; used as the checkpoint's partition and in messages. */
    public String describe() {
        return (endpoint == null ? "aws" : endpoint.toString()) + "|" + region;
    }
}
