package io.watchpost.source;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Events read and stored per wall-clock second over the last {@link #SECONDS} seconds. A chart that starts after
 * ingestion did (the window opens while the first pages are already being stored) draws these seconds first, so
 * the burst of a catch-up is not lost to its first sample, which has no interval to make a rate of. Bumped once per
 * page, not per event, so a lock is cheap.
 */
public final class IngestHistory {

    public static final int SECONDS = 600;

    /** One complete second: {@code epochSecond} up to the next. */
    public record Second(long epochSecond, long read, long stored) {
    }

    private final LongSupplier clockMillis;
    private final long[] second = new long[SECONDS];
    private final long[] read = new long[SECONDS];
    private final long[] stored = new long[SECONDS];

    public IngestHistory(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        java.util.Arrays.fill(second, -1);
    }

    synchronized void addRead(long count) {
        read[slot()] += count;
    }

    synchronized void addStored(long count) {
        stored[slot()] += count;
    }

    /** The slot of the current second, cleared first when it last held an older second. */
    private int slot() {
        long now = Math.floorDiv(clockMillis.getAsLong(), 1000);
        int i = (int) Math.floorMod(now, SECONDS);
        if (second[i] != now) {
            second[i] = now;
            read[i] = 0;
            stored[i] = 0;
        }
        return i;
    }

    /**
     * The complete seconds (not the one under way) from the first with anything recorded in the window, oldest
     * first; a quiet second in between is there with zeros, so a line drawn through them drops to zero.
     */
    public synchronized List<Second> completeSeconds() {
        long now = Math.floorDiv(clockMillis.getAsLong(), 1000);
        List<Second> out = new ArrayList<>();
        for (long s = now - SECONDS + 1; s < now; s++) {
            int i = (int) Math.floorMod(s, SECONDS);
            if (second[i] == s) {
                out.add(new Second(s, read[i], stored[i]));
            } else if (!out.isEmpty()) {
                out.add(new Second(s, 0, 0));
            }
        }
        return out;
    }
}
