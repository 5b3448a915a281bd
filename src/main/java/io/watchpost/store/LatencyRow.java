package io.watchpost.store;

/**
 * End-to-end ingestion latency (event time to cached) in one time bucket, milliseconds. p50 and p95 are the upper
 * bounds of the histogram bins they fall in (bins about 33 % wide); max and mean are exact.
 */
public record LatencyRow(long bucketMillis, long events, double p50Millis, double p95Millis, double maxMillis, double meanMillis) {
}
