package io.watchpost.store;

import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Sizes H2's page cache to the write load. H2 puts every page it writes into the same cache the Explorer's reads
 * hit. While the cache takes tens of thousands of events a second, the written pages turn the whole cache over every
 * second or two, so it holds nothing a query could reuse, and keeping a large cache costs the writer. The cache's
 * bookkeeping and the collector's work on the old pages it holds cut ingest from about 45,000 to about 29,000 events/s
 * on 2 cores (bench --only uistall, 128 MB against 16 MB). When the flood ends, the full size comes back for the
 * Explorer. Its indexed queries at a million events need it: the action filter's first page + histogram went from
 * 12 to 930 ms with 16 MB.
 *
 * <p>{@link #tick(long)} runs once a second (the {@link Cache}'s timer). A flood starts at the first tick over
 * {@link #FLOOD_EVENTS_PER_SECOND} and ends after {@link #CALM_TICKS} ticks in a row under
 * {@link #CALM_EVENTS_PER_SECOND}, so a short dip inside a backfill does not resize the cache back and forth.
 */
final class PageCacheGovernor {

    /** The cache the Explorer gets, in KB (H2's CACHE_SIZE unit). */
    static final int FULL_KB = 128 * 1024;
    /** The cache while ingest floods: enough for the B-trees' inner pages the writer walks. */
    static final int FLOOD_KB = 16 * 1024;
    static final long FLOOD_EVENTS_PER_SECOND = 15_000;
    static final long CALM_EVENTS_PER_SECOND = 5_000;
    static final int CALM_TICKS = 5;

    private final LongSupplier storedTotal;
    private final IntConsumer resize;
    private long lastTotal;
    private long lastNanos;
    private boolean flooded;
    private int calmTicks;

    /**
     * @param storedTotal events stored so far (grows only)
     * @param resize      sets the page cache size in KB; called only when the size changes
     */
    PageCacheGovernor(LongSupplier storedTotal, IntConsumer resize, long nowNanos) {
        this.storedTotal = storedTotal;
        this.resize = resize;
        this.lastTotal = storedTotal.getAsLong();
        this.lastNanos = nowNanos;
    }

    void tick(long nowNanos) {
        long total = storedTotal.getAsLong();
        double seconds = (nowNanos - lastNanos) / 1e9;
        if (seconds <= 0) {
            return;
        }
        double rate = (total - lastTotal) / seconds;
        lastTotal = total;
        lastNanos = nowNanos;
        if (!flooded && rate >= FLOOD_EVENTS_PER_SECOND) {
            flooded = true;
            calmTicks = 0;
            resize.accept(FLOOD_KB);
        } else if (flooded) {
            calmTicks = rate < CALM_EVENTS_PER_SECOND ? calmTicks + 1 : 0;
            if (calmTicks >= CALM_TICKS) {
                flooded = false;
                resize.accept(FULL_KB);
            }
        }
    }

    boolean flooded() {
        return flooded;
    }
}
