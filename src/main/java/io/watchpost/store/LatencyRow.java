package io.watchpost.store;

/**
 * Latency in one time bucket, milliseconds: end-to-end ingestion latency (event time to cached) per event, or
 * CloudWatch API call latency per call ({@link RollupQueries#apiLatency}). p50 and p95 are the upper
 * bounds of the histogram bins they fall in (bins about 33 % wide); max and mean are exact.
 */
public record LatencyRow(long bucketMillis, long events, double p50Millis, double p95Millis, double maxMillis, double meanMillis) {
}
