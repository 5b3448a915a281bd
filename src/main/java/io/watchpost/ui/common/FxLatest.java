package io.watchpost.ui.common;

import javafx.application.Platform;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest value of something sampled in the background to the FX thread. Values published faster than
 * the FX thread takes them replace each other, so at most one {@code Platform.runLater} is ever pending.
 */
public final class FxLatest<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final Consumer<T> onFxThread;

    public FxLatest(Consumer<T> onFxThread) {
        this.onFxThread = onFxThread;
    }

    /** Publishes from any thread; {@code value} must not be null. */
    public void publish(T value) {
        if (latest.getAndSet(value) == null) {
            Platform.runLater(this::deliver);
        }
    }

    private void deliver() {
        T value = latest.getAndSet(null);
        if (value != null) {
            onFxThread.accept(value);
        }
    }
}
