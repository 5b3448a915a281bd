package io.watchpost.source;

/** One second of a group's ingestion, for charts: what was stored in the second starting at {@code epochSecond}. */
public record RateSample(long epochSecond, long events, long bytes, long apiCalls, long throttles) {
}
