package io.watchpost.ui.explorer;

import io.watchpost.store.PageCursor;
import io.watchpost.ui.common.BackgroundExecutors;
import io.watchpost.ui.events.EventRow;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads the table's pages on its own thread, the newest request first: while the analyst drags the scrollbar,
 * the page under the thumb now matters and the ones flown past do not, so only the last {@link #MAX_PENDING}
 * requests wait and older ones are dropped (and asked again if shown again). Pages read are handed to the FX thread
 * together, at most once per {@link #BATCH_MILLIS}, however fast they come.
 */
final class PageLoader implements ResultRows.PageSource {

    static final int MAX_PENDING = 8;
    static final long BATCH_MILLIS = 150;

    private record Request(ResultRows rows, int page, PageCursor previous) {
    }

    private final ScheduledExecutorService thread = BackgroundExecutors.singleThread("explorer-pages");
    private final Executor fx;
    private final Consumer<String> onError;

    // guarded by this
    private final Deque<Request> pending = new ArrayDeque<>();
    private final Map<ResultRows, Map<Integer, List<EventRow>>> arrived = new IdentityHashMap<>();
    private final Map<ResultRows, Set<Integer>> dropped = new IdentityHashMap<>();
    private boolean flushScheduled;
    private long lastFlushNanos;

    /** {@code fx} runs on the FX thread (Platform::runLater); {@code onError} is told, there, when a read fails. */
    PageLoader(Executor fx, Consumer<String> onError) {
        this.fx = fx;
        this.onError = onError;
    }

    @Override
    public void request(ResultRows rows, int page, PageCursor previous) {
        synchronized (this) {
            pending.addLast(new Request(rows, page, previous));
            if (pending.size() > MAX_PENDING) {
                drop(pending.pollFirst());
            }
        }
        execute(this::readNewest);
    }

    /** Forgets every waiting request: a new query replaced the rows they were for. */
    synchronized void clear() {
        pending.clear();
        arrived.clear();
        dropped.clear();
    }

    private void readNewest() {
        Request r;
        synchronized (this) {
            r = pending.pollLast();
        }
        if (r == null) {
            return; // served already by an earlier turn of this loop
        }
        try {
            List<EventRow> rows = r.rows().read(r.page(), r.previous());
            synchronized (this) {
                arrived.computeIfAbsent(r.rows(), k -> new HashMap<>()).put(r.page(), rows);
                scheduleFlush();
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                drop(r);
            }
            String problem = e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage());
            fx.execute(() -> onError.accept("Could not read events: " + problem));
        }
    }

    // guarded by this
    private void drop(Request r) {
        dropped.computeIfAbsent(r.rows(), k -> new HashSet<>()).add(r.page());
        scheduleFlush();
    }

    // guarded by this
    private void scheduleFlush() {
        if (flushScheduled) {
            return;
        }
        flushScheduled = true;
        long wait = Math.max(0, TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS) - (System.nanoTime() - lastFlushNanos));
        try {
            thread.schedule(() -> fx.execute(this::flush), wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            flushScheduled = false; // shut down: nobody is looking any more
        }
    }

    /** On the FX thread: hands each list its pages and its dropped requests in one go. */
    private void flush() {
        Map<ResultRows, Map<Integer, List<EventRow>>> pages;
        Map<ResultRows, Set<Integer>> drops;
        synchronized (this) {
            pages = new IdentityHashMap<>(arrived);
            drops = new IdentityHashMap<>(dropped);
            arrived.clear();
            dropped.clear();
            flushScheduled = false;
            lastFlushNanos = System.nanoTime();
        }
        Set<ResultRows> lists = Collections.newSetFromMap(new IdentityHashMap<>());
        lists.addAll(pages.keySet());
        lists.addAll(drops.keySet());
        for (ResultRows rows : lists) {
            rows.deliver(pages.getOrDefault(rows, Map.of()), drops.getOrDefault(rows, Set.of()));
        }
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // the tab was closed: a row scrolled into view afterwards asks for nothing
        }
    }

    void shutdown() {
        thread.shutdownNow();
    }
}
