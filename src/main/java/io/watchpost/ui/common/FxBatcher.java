package io.watchpost.ui.common;

import javafx.application.Platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Carries items from background threads to the FX thread in batches. However often {@link #addAll} is called,
 * at most one {@code Platform.runLater} is pending at a time, and it hands over everything that queued up
 * meanwhile: a busy ingest can never flood the FX event queue.
 */
public final class FxBatcher<T> {

    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Consumer<List<T>> onFxThread;

    /** @param onFxThread receives each non-empty batch, in arrival order, on the FX thread */
    public FxBatcher(Consumer<List<T>> onFxThread) {
        this.onFxThread = onFxThread;
    }

    /** Queues items from any thread; returns at once. */
    public void addAll(Collection<? extends T> items) {
        if (items.isEmpty()) {
            return;
        }
        pending.addAll(items);
        if (drainScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        // Cleared before polling: whatever arrives from here on schedules the next drain, so nothing is stranded.
        drainScheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item = pending.poll(); item != null; item = pending.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            onFxThread.accept(batch);
        }
    }
}
