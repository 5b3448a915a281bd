package io.watchpost.source;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A running backfill: observe it through its listener or {@link #latest()}, cancel it, or wait for it. */
public final class BackfillJob {

    private final Cancellation cancellation;
    private final CompletableFuture<BackfillProgress> result;
    private volatile BackfillProgress latest;

    BackfillJob(Cancellation cancellation, CompletableFuture<BackfillProgress> result, BackfillProgress initial) {
        this.cancellation = cancellation;
        this.result = result;
        this.latest = initial;
    }

    void update(BackfillProgress p) {
        latest = p;
    }

    public BackfillProgress latest() {
        return result.isDone() && !result.isCompletedExceptionally() ? result.join() : latest;
    }

    /** Stops after the in-flight pages commit; the same range started again resumes there. */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean isDone() {
        return result.isDone();
    }

    /** Waits for the end; a failure comes back as the {@link SourceException} that stopped it. */
    public BackfillProgress await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            return result.join();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
