package io.watchpost.source;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one log group, bumped by its reader threads and turned into an immutable {@link GroupSnapshot}
 * on demand. Per-second samples are kept in a small ring so a chart can be drawn from any snapshot.
 */
public final class GroupTelemetry {

    static final int RATE_WINDOW_SECONDS = 5;
    static final int HISTORY_SECONDS = 120;

    private final String logGroup;
    private final Clock clock;
    private volatile IngestMode mode = IngestMode.STARTING;
    private final LongAdder read = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder apiCalls = new LongAdder();
    private final LongAdder throttles = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder storeNanos = new LongAdder();
    private final AtomicLong newestEventTime = new AtomicLong(-1);
    private final LatencyHistogram latency = new LatencyHistogram();
    private volatile String lastError;
    private volatile long lastErrorAt;
    private final long[][] ring = new long[HISTORY_SECONDS][5]; // second, events, bytes, calls, throttles

    public GroupTelemetry(String logGroup, Clock clock) {
        this.logGroup = logGroup;
        this.clock = clock;
    }

    public String logGroup() {
        return logGroup;
    }

    public IngestMode mode() {
        return mode;
    }

    void mode(IngestMode m) {
        this.mode = m;
    }

    void apiCall(long messageBytes, int events) {
        apiCalls.increment();
        bytes.add(messageBytes);
        read.add(events);
        bump(0, messageBytes, 1, 0);
    }

    void throttle() {
        apiCalls.increment();
        throttles.increment();
        bump(0, 0, 1, 1);
    }

    void error(String message) {
        apiCalls.increment();
        errors.increment();
        lastError = message;
        lastErrorAt = clock.millis();
        bump(0, 0, 1, 0);
    }

    /** Events committed: counts, newest time, and event time → stored latency for each new event. */
    void stored(int storedCount, int duplicateCount, long[] newEventTimes) {
        stored.add(storedCount);
        duplicates.add(duplicateCount);
        long now = clock.millis();
        long newest = -1;
        for (long t : newEventTimes) {
            latency.record(now - t);
            newest = Math.max(newest, t);
        }
        newestEventTime.accumulateAndGet(newest, Math::max);
        bump(storedCount, 0, 0, 0);
    }

    /** Time spent normalizing and committing pages: shows when the local cache, not CloudWatch, is the limit. */
    void storeTime(long nanos) {
        storeNanos.add(nanos);
    }

    /** Newest event time stored, without a latency sample (backfills). */
    void newest(long eventTime) {
        newestEventTime.accumulateAndGet(eventTime, Math::max);
    }

    private void bump(long events, long b, long calls, long thr) {
        long sec = clock.millis() / 1000;
        synchronized (ring) {
            long[] slot = ring[(int) (sec % HISTORY_SECONDS)];
            if (slot[0] != sec) {
                slot[0] = sec;
                slot[1] = slot[2] = slot[3] = slot[4] = 0;
            }
            slot[1] += events;
            slot[2] += b;
            slot[3] += calls;
            slot[4] += thr;
        }
    }

    public GroupSnapshot snapshot() {
        long now = clock.millis();
        long sec = now / 1000;
        List<RateSample> history = new ArrayList<>(HISTORY_SECONDS);
        long windowEvents = 0;
        long windowBytes = 0;
        synchronized (ring) {
            for (long s = sec - HISTORY_SECONDS + 1; s <= sec; s++) {
                long[] slot = ring[(int) (s % HISTORY_SECONDS)];
                RateSample sample = slot[0] == s ? new RateSample(s, slot[1], slot[2], slot[3], slot[4])
                        : new RateSample(s, 0, 0, 0, 0);
                history.add(sample);
                // The current second is incomplete: rates use the RATE_WINDOW full seconds before it.
                if (s < sec && s >= sec - RATE_WINDOW_SECONDS) {
                    windowEvents += sample.events();
                    windowBytes += sample.bytes();
                }
            }
        }
        long newest = newestEventTime.get();
        return new GroupSnapshot(logGroup, mode, now, read.sum(), stored.sum(), duplicates.sum(), bytes.sum(),
                apiCalls.sum(), throttles.sum(), errors.sum(), storeNanos.sum() / 1_000_000,
                windowEvents / (double) RATE_WINDOW_SECONDS, windowBytes / (double) RATE_WINDOW_SECONDS,
                newest, newest < 0 ? -1 : Math.max(0, now - newest), latency.percentile(0.50), latency.percentile(0.95),
                lastError, lastErrorAt, history);
    }
}
