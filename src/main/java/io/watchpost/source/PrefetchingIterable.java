package io.watchpost.source;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fetches the next pages of a lazy, blocking iterable (an SDK paginator) on a background thread while the caller
 * normalizes and stores the current one: the network and the cache work at the same time instead of in turn.
 * Pages still come out in order, and at most {@code depth} wait in memory. An exception thrown while fetching is
 * rethrown to the caller at the position where it happened, after the pages fetched before it.
 */
public final class PrefetchingIterable<T> implements Iterable<T>, AutoCloseable {

    private static final Object END = new Object();

    private final Iterable<T> source;
    private final int depth;
    private ExecutorService executor;
    private Future<?> producer;

    public PrefetchingIterable(Iterable<T> source, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1");
        }
        this.source = source;
        this.depth = depth;
    }

    @Override
    public Iterator<T> iterator() {
        if (executor != null) {
            throw new IllegalStateException("a prefetching iterable is iterated once");
        }
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(depth);
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "watchpost-prefetch");
            t.setDaemon(true);
            return t;
        });
        producer = executor.submit(() -> {
            try {
                for (T item : source) {
                    queue.put(item);
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(new Failure(e));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        });
        return new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the next page", e);
                    }
                }
                if (next instanceof Failure f) {
                    next = END;
                    if (f.error() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw (Error) f.error();
                }
                return next != END;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T item = (T) next;
                next = null;
                return item;
            }
        };
    }

    /** Stops fetching ahead; pages fetched but not taken are dropped (nothing was stored from them). */
    @Override
    public void close() {
        if (executor != null) {
            producer.cancel(true);
            executor.shutdownNow();
        }
    }

    private record Failure(Throwable error) {
    }
}
