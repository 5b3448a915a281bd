package io.watchpost.store;

import io.watchpost.background.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the dashboard's per-second and per-minute rollups up to date from a background thread, about a second
 * behind the cache, instead of inside every ingest transaction: the ingest path stays as lean as it can be, and the
 * rollups still count each stored event exactly once (they follow the cache's arrival numbers).
 */
public final class RollupUpdater implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RollupUpdater.class);

    /**
     * Two seconds of ingest at 50,000 events/s, a round and a half: beyond it the rollups have fallen behind and read
     * the table. Bounds what they pin: about 150 MB of CloudTrail records at worst.
     */
    private static final int MAX_EVENTS_IN_HAND = 100_000;

    /** A close folds in what is left, but not forever if something still appends: ten rounds of 100,000 rows. */
    private static final int ROUNDS_ON_CLOSE = 10;

    private final ScheduledExecutorService timer;
    private final Cache cache;
    private final EventStore store;
    private final AppendedEvents appended = new AppendedEvents(MAX_EVENTS_IN_HAND);

    public RollupUpdater(Cache cache, Duration interval) {
        this.cache = cache;
        store = cache.events();
        store.listen(appended);
        timer = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("watchpost-rollups"));
        timer.scheduleWithFixedDelay(() -> {
            try {
                // A backlog (history filling a fresh cache) goes round by round, each committed, until caught up.
                boolean more = true;
                while (more && !Thread.currentThread().isInterrupted()) {
                    more = Rollups.catchUp(cache.dataSource(), store.apiCalls(), System.currentTimeMillis(), appended);
                }
            } catch (RuntimeException e) {
                LOG.warn("rollups paused until the next round: {}", e.getMessage());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the rounds, then folds in what was stored since the last one (from the batches still in hand), so the
     * cache closes with its rollups whole: the next reader has nothing to read back by seq.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            // Not on an interrupted thread: an interrupt during H2's file I/O can close the database under the app.
            for (int round = 0; round < ROUNDS_ON_CLOSE && !Thread.currentThread().isInterrupted(); round++) {
                if (!Rollups.catchUp(cache.dataSource(), store.apiCalls(), System.currentTimeMillis(), appended)) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("rollups left behind at close, to be folded in on the next open: {}", e.getMessage());
        } finally {
            store.unlisten(appended);
        }
    }
}
