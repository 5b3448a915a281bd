package io.watchpost.detect.alerts;

import io.watchpost.normalize.Event;
import io.watchpost.store.EventStore;
import io.watchpost.store.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs detection on what ingestion stores, as it is stored: follows the cache by arrival number (the same way the
 * window's live table does) and hands each batch of new events to the alerting sink. Decoupled from ingestion on
 * purpose: a slow rule never slows the ingest path, and every stored event is seen once, whichever source stored it.
 */
public final class LiveDetection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDetection.class);
    private static final int BATCH = 5_000;

    private final EventStore store;
    private final AlertingSink sink;
    private final ScheduledExecutorService timer;
    private long lastSeq;

    /** Starts with the events stored after {@code fromSeq} (0: everything in the cache). */
    public LiveDetection(EventStore store, AlertingSink sink, long fromSeq, Duration interval) {
        this.store = store;
        this.sink = sink;
        this.lastSeq = fromSeq;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "watchpost-detection");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::drainSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public AlertingSink sink() {
        return sink;
    }

    private void drainSafely() {
        try {
            List<StoredEvent> page;
            do {
                page = store.after(lastSeq, BATCH);
                if (page.isEmpty()) {
                    return;
                }
                List<Event> events = new ArrayList<>(page.size());
                for (StoredEvent s : page) {
                    events.add(s.event());
                }
                sink.accept(events);
                lastSeq = page.get(page.size() - 1).seq();
            } while (page.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("live detection paused until the next round: {}", e.getMessage());
        }
    }

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
    }
}
