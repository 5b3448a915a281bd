package io.watchpost.source;

import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Fetches a lane's next page while the current one is being stored. A lane otherwise spends each page's storing
 * time not asking, and under a per-API request quota that idle time is quota lost: the next request only needs the
 * previous response's token, not its commit. Pages are still handed over, and committed, strictly in order.
 */
final class PrefetchingPageSource implements PageSource {

    /** Pages fetched ahead; each is up to 1 MB of messages. */
    private static final int AHEAD = 2;

    private final PageSource inner;
    private final ExecutorService executor;

    PrefetchingPageSource(PageSource inner, ExecutorService executor) {
        this.inner = inner;
        this.executor = executor;
    }

    @Override
    public String lane() {
        return inner.lane();
    }

    private sealed interface Item permits Page, End, Failed {
    }

    private record Page(List<FilteredLogEvent> events) implements Item {
    }

    private record End() implements Item {
    }

    private record Failed(RuntimeException error) implements Item {
    }

    /** Hands an item over unless the consumer stopped; false when it did. */
    private static boolean offer(BlockingQueue<Item> queue, Item item, java.util.concurrent.atomic.AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                if (queue.offer(item, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void read(long from, Long to, PageHandler handler) {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Future<?> fetcher = executor.submit(() -> {
            Item last = new End();
            try {
                inner.read(from, to, page -> offer(queue, new Page(page), stop) && !stop.get());
            } catch (RuntimeException e) {
                last = new Failed(e);
            }
            offer(queue, last, stop);
        });
        try {
            while (true) {
                Item item = queue.take();
                if (item instanceof Page p) {
                    if (!handler.onPage(p.events())) {
                        return;
                    }
                } else if (item instanceof Failed f) {
                    throw f.error();
                } else {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.CancelledException();
        } finally {
            stop.set(true); // the fetcher gives up offering within 50 ms and stops before its next request
            fetcher.cancel(false);
        }
    }
}
