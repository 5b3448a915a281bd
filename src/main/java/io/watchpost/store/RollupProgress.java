package io.watchpost.store;

/**
 * How far the Dashboard's rollups have counted the cache: every event with {@code seq <= countedSeq} is in them,
 * the newest stored is {@code newestSeq}. Sequence numbers stand in for event counts (gaps are rare and small).
 */
public record RollupProgress(long countedSeq, long newestSeq) {

    /**
     * Behind by more than this: a catch-up is under way (a fresh cache filling with history), not the second or so
     * of lag live ingestion always has, even at 50,000 events/s.
     */
    public static final long BUILDING_BACKLOG = 100_000;

    public boolean building() {
        return newestSeq - countedSeq > BUILDING_BACKLOG;
    }

    /** Share of the cache counted, 0 … 1. */
    public double share() {
        return newestSeq <= 0 ? 1 : Math.min(1, Math.max(0, (double) countedSeq / newestSeq));
    }
}
