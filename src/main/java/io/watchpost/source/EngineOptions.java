package io.watchpost.source;

import java.time.Duration;

/**
 * How the engine reads.
 *
 * @param pollInterval    time between polls of a followed group (and the gap-filling poll under Live Tail)
 * @param overlap         how far behind its checkpoint each poll starts again: CloudWatch makes some events
 *                        searchable well after their timestamp. Every poll re-reads this window (its bytes count
 *                        against the quota and show in the telemetry), de-duplicated by eventId
 * @param initialLookback where following starts for a group never read before
 * @param streamLanes     busy streams per group read with GetLogEvents beside FilterLogEvents (0: FilterLogEvents
 *                        only, whose eventIds are CloudWatch's own)
 * @param liveTail        try StartLiveTail for followed groups, polling when unavailable
 * @param giveUpAfter     how long a page keeps being retried on transient errors before the poll reports failure
 *                        (a followed group tries again at its next poll)
 */
public record EngineOptions(Duration pollInterval, Duration overlap, Duration initialLookback, int streamLanes,
                            boolean liveTail, Duration giveUpAfter) {

    public EngineOptions {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive");
        }
        if (overlap.isNegative() || initialLookback.isNegative() || streamLanes < 0) {
            throw new IllegalArgumentException("overlap, lookback and stream lanes must not be negative");
        }
    }

    public static EngineOptions defaults() {
        return new EngineOptions(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(5), 0, true,
                Duration.ofMinutes(10));
    }

    public EngineOptions withPollInterval(Duration d) {
        return new EngineOptions(d, overlap, initialLookback, streamLanes, liveTail, giveUpAfter);
    }

    public EngineOptions withOverlap(Duration d) {
        return new EngineOptions(pollInterval, d, initialLookback, streamLanes, liveTail, giveUpAfter);
    }

    public EngineOptions withInitialLookback(Duration d) {
        return new EngineOptions(pollInterval, overlap, d, streamLanes, liveTail, giveUpAfter);
    }

    public EngineOptions withStreamLanes(int n) {
        return new EngineOptions(pollInterval, overlap, initialLookback, n, liveTail, giveUpAfter);
    }

    public EngineOptions withLiveTail(boolean on) {
        return new EngineOptions(pollInterval, overlap, initialLookback, streamLanes, on, giveUpAfter);
    }

    public EngineOptions withGiveUpAfter(Duration d) {
        return new EngineOptions(pollInterval, overlap, initialLookback, streamLanes, liveTail, d);
    }
}
