package io.watchpost.ui.common;

import io.watchpost.source.IngestMetrics;

/**
 * Turns successive {@link IngestMetrics} totals into per-second rates. Not thread-safe: each view model keeps its
 * own and feeds it from its one sampling thread.
 */
public final class RateMeter {

    /** Rates over the interval that ended with {@code snapshot}. */
    public record Rates(double storedPerSecond, double readPerSecond, double bytesPerSecond,
                        IngestMetrics.Snapshot snapshot) {
    }

    private IngestMetrics.Snapshot previous;
    private long previousNanos;

    /** @param nanos a monotonic clock reading ({@link System#nanoTime()}) taken with the snapshot */
    public Rates next(IngestMetrics.Snapshot snapshot, long nanos) {
        Rates rates;
        if (previous == null || nanos <= previousNanos) {
            // First sample: no interval yet, so no rate rather than a made-up one.
            rates = new Rates(0, 0, 0, snapshot);
        } else {
            double seconds = (nanos - previousNanos) / 1e9;
            rates = new Rates(perSecond(snapshot.stored() - previous.stored(), seconds),
                    perSecond(snapshot.read() - previous.read(), seconds),
                    perSecond(snapshot.bytes() - previous.bytes(), seconds), snapshot);
        }
        previous = snapshot;
        previousNanos = nanos;
        return rates;
    }

    private static double perSecond(long delta, double seconds) {
        return Math.max(0, delta) / seconds;
    }
}
