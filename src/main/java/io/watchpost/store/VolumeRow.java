package io.watchpost.store;

/** Events and raw bytes counted in one time bucket for one source type or log group ({@link RollupQueries#volume}). */
public record VolumeRow(long bucketMillis, String key, long events, long bytes) {
}
