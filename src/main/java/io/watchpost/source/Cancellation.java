package io.watchpost.source;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A cooperative stop signal. Readers check it between pages and sleep through it, so a stop never interrupts a
 * thread inside an H2 write (an interrupt there can close H2's file channel) and an in-flight page still commits.
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Sleeps up to {@code millis}; returns early (true) when cancelled. */
    public boolean sleep(long millis) {
        try {
            return cancelled.await(Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Thrown out of a read when it was cancelled; the last committed checkpoint stands. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
