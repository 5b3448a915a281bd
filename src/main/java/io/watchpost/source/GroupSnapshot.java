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
 * @param history             the last seconds, oldest first, for charts
 */
public record GroupSnapshot(String logGroup, IngestMode mode, long takenAtMillis,
                            long eventsRead, long eventsStored, long duplicates, long bytesRead,
                            long apiCalls, long throttles, long errors,
                            double eventsPerSecond, double bytesPerSecond,
                            long newestEventTime, long lagMillis, long latencyP50Millis, long latencyP95Millis,
                            String lastError, long lastErrorAtMillis, List<RateSample> history) {

    public GroupSnapshot {
        history = List.copyOf(history);
    }
}
