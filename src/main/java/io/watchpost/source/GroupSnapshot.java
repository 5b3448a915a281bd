package io.watchpost.source;

import java.util.List;

/**
 * One log group's ingestion at a moment, immutable: what a Sources view polls (about once a second) to show mode,
 * rates, cost, lag and errors. Rates are over the last {@link GroupTelemetry#RATE_WINDOW_SECONDS} seconds.
 *
 * @param lagMillis           now minus the newest event time stored, -1 before the first event
 * @param latencyP50Millis    event time → stored, median (bucket upper bound), -1 without samples
 * @param apiCalls            requests sent for this group, retries included (what it costs against the quotas)
 * @param bytesRead           message bytes received, duplicates included
 * @param storeMillis         time spent normalizing and committing this group's pages (summed over its lanes)
 * @param history             the last seconds, oldest first, for charts
 */
public record GroupSnapshot(String logGroup, IngestMode mode, long takenAtMillis,
                            long eventsRead, long eventsStored, long duplicates, long bytesRead,
                            long apiCalls, long throttles, long errors, long storeMillis,
                            double eventsPerSecond, double bytesPerSecond,
                            long newestEventTime, long lagMillis, long latencyP50Millis, long latencyP95Millis,
                            String lastError, long lastErrorAtMillis, List<RateSample> history) {

    public GroupSnapshot {
        history = List.copyOf(history);
    }

    /** One line for a terminal, as `ingest --follow` prints it. */
    public String statusLine() {
        return String.format(java.util.Locale.ROOT, "%s %s: stored %d (%.1f events/s, %.1f KB/s), read %d, calls %d, "
                        + "throttles %d, errors %d, lag %s, latency p50 <= %d ms p95 <= %d ms%s", logGroup, mode, eventsStored,
                eventsPerSecond, bytesPerSecond / 1024, eventsRead, apiCalls, throttles, errors,
                lagMillis < 0 ? "-" : (lagMillis / 1000) + " s", latencyP50Millis, latencyP95Millis,
                lastError == null ? "" : ", last error: " + lastError);
    }
}
