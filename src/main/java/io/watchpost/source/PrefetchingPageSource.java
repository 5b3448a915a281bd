package io.watchpost.source;

import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Fetches and prepares a lane's next page while the current one is being stored. A lane otherwise spends each
 * page's storing time not asking, and under a per-API request quota that idle time is quota lost: the next request
 * only needs the previous response's token, not its commit. Preparing (normalizing and encoding) on the fetching
 * thread puts the second core to work beside the one writing H2. Pages are still handed over, and committed,
 * strictly in order.
 */
final class PrefetchingPageSource {

    /** Pages fetched ahead; each is up to 1 MB of messages. */
    private static final int AHEAD = 2;

    private final PageSource inner;
    private final Function<List<FilteredLogEvent>, PreparedPage> prepare;
    private final ExecutorService executor;

    PrefetchingPageSource(PageSource inner, Function<List<FilteredLogEvent>, PreparedPage> prepare,
                          ExecutorService executor) {
        this.inner = inner;
        this.prepare = prepare;
        this.executor = executor;
    }

    /** Receives each prepared page in order; false stops the reading. */
    interface PreparedHandler {
        boolean onPage(PreparedPage page);
    }

    private sealed interface Item permits Page, End, Failed {
    }

    private record Page(PreparedPage page) implements Item {
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

    /** Reads [from, to] as {@link PageSource#read} does, handing over pages already prepared. */
    void read(long from, Long to, PreparedHandler handler) {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Future<?> fetcher = executor.submit(() -> {
            Item last = new End();
            try {
                inner.read(from, to, page -> offer(queue, new Page(prepare.apply(page)), stop) && !stop.get());
            } catch (RuntimeException e) {
                last = new Failed(e);
            }
            offer(queue, last, stop);
        });
        try {
            while (true) {
                Item item = queue.take();
                if (item instanceof Page p) {
                    if (!handler.onPage(p.page())) {
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
