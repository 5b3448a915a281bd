package io.watchpost.source;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of what ingestion did, cheap to bump from ingest threads and sampled by whoever charts them
 * (the window samples once a second; it is never told per event).
 */
public final class IngestMetrics {
    private final LongAdder read = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder parseErrors = new LongAdder();
    private final LongAdder apiCalls = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder latencyMillisSum = new LongAdder();
    private final IngestHistory history;
    private volatile String lastError;

    public IngestMetrics() {
        this(new IngestHistory(System::currentTimeMillis));
    }

    public IngestMetrics(IngestHistory history) {
        this.history = history;
    }

    void recordPage(int events, long messageBytes) {
        apiCalls.increment();
        read.add(events);
        bytes.add(messageBytes);
        history.addRead(events);
    }

    void recordStored(int storedCount, int duplicateCount, int errors, long latencySum) {
        stored.add(storedCount);
        history.addStored(storedCount);
        duplicates.add(duplicateCount);
        parseErrors.add(errors);
        latencyMillisSum.add(latencySum);
    }

    void recordError(String message) {
        lastError = message;
    }

    /** Per second, what was read and stored lately (for a chart that opens after ingestion started). */
    public IngestHistory history() {
        return history;
    }

    public Snapshot snapshot() {
        return new Snapshot(read.sum(), stored.sum(), duplicates.sum(), parseErrors.sum(), apiCalls.sum(), bytes.sum(),
                latencyMillisSum.sum(), lastError);
    }

    /**
     * Totals at one moment.
     *
     * @param latencyMillisSum sum over stored events of (stored time − event time), for a mean latency
     */
    public record Snapshot(long read, long stored, long duplicates, long parseErrors, long apiCalls, long bytes,
                           long latencyMillisSum, String lastError) {
        public static final Snapshot ZERO = new Snapshot(0, 0, 0, 0, 0, 0, 0, null);
    }
}
