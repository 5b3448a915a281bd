package io.watchpost.detect.alerts;

import io.watchpost.background.BackgroundThreads;
import io.watchpost.normalize.Event;
import io.watchpost.store.EventStore;
import io.watchpost.store.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs detection (usually an {@link AlertingSink}) on what is stored, as it is stored, on its own thread: a slow rule never slows the ingest path, and
 * every stored event is seen once, in storage order, whichever source stored it.
 * <p>
 * Two ways in. Events already in the cache when detection starts (from {@code fromSeq} up) are read back from H2 by
 * arrival number. Events stored afterwards are handed over by the store right after their commit
 * ({@link EventStore#listen}), so at full ingest speed nothing is read back and no fields JSON is parsed again. If
 * detection falls so far behind that the hand-over queue would hold more than {@link #MAX_QUEUED} events, it drops
 * the queue and reads from H2 again up to the newest commit: memory stays bounded and still nothing is missed.
 */
public final class LiveDetection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDetection.class);
    private static final int BATCH = 5_000;
    static final int MAX_QUEUED = 200_000;

    private record Batch(List<Event> events, long lastSeq) {
    }

    private final EventStore store;
    private final Consumer<List<Event>> sink;
    private final ScheduledExecutorService timer;
    private final ConcurrentLinkedQueue<Batch> handedOver = new ConcurrentLinkedQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final EventStore.AppendListener listener = this::onStored;
    private final int maxQueued;
    private volatile boolean overflowed;
    /** Read from H2 up to here; everything later arrives through the queue. Touched by the timer thread only. */
    private long readUpTo;
    private volatile long lastSeq;

    /** Starts with the events stored after {@code fromSeq} (0: everything in the cache). */
    public LiveDetection(EventStore store, Consumer<List<Event>> sink, long fromSeq, Duration interval) {
        this(store, sink, fromSeq, interval, MAX_QUEUED);
    }

    LiveDetection(EventStore store, Consumer<List<Event>> sink, long fromSeq, Duration interval, int maxQueued) {
        this.maxQueued = maxQueued;
        this.store = store;
        this.sink = sink;
        this.lastSeq = fromSeq;
        this.readUpTo = store.listen(listener);
        this.timer = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("watchpost-detection"));
        timer.scheduleWithFixedDelay(this::drainSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The highest seq detection has run over: every event up to it has been through the rules. */
    public long lastSeq() {
        return lastSeq;
    }

    private void onStored(List<Event> events, long seq) {
        if (overflowed || queued.get() + events.size() > maxQueued) {
            overflowed = true;
            return;
        }
        queued.addAndGet(events.size());
        handedOver.add(new Batch(events, seq));
    }

    private void drainSafely() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("live detection paused until the next round: {}", e.getMessage());
        }
    }

    private void drain() {
        if (overflowed) {
            // Order matters: batches handed over after the reset are either above the new mark (kept) or at or
            // below it (skipped below, since they are read from H2).
            overflowed = false;
            handedOver.clear();
            queued.set(0);
            readUpTo = store.committedSeq();
        }
        while (lastSeq < readUpTo) {
            List<StoredEvent> page = store.after(lastSeq, BATCH);
            List<Event> events = new ArrayList<>(page.size());
            long last = lastSeq;
            for (StoredEvent s : page) {
                if (s.seq() > readUpTo) {
                    break;
                }
                events.add(s.event());
                last = s.seq();
            }
            if (events.isEmpty()) {
                lastSeq = readUpTo;
                break;
            }
            sink.accept(events);
            lastSeq = last;
        }
        Batch b;
        while (!overflowed && (b = handedOver.poll()) != null) {
            queued.addAndGet(-b.events().size());
            if (b.lastSeq() > lastSeq) {
                sink.accept(b.events());
                lastSeq = b.lastSeq();
            }
        }
    }

    @Override
    public void close() {
        store.unlisten(listener);
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
