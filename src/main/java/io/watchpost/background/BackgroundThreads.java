package io.watchpost.background;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads background work runs on: daemons, so a stuck poll never holds up exit, at the lowest priority, so the
 * window comes first. On a two-core workstation ingestion, rollups, detection and sync can keep both cores busy; at a
 * lower priority than the FX thread, the scheduler runs the window as soon as it wakes for a pulse and gives the
 * background the rest. Threads a background thread starts inherit its priority: H2's own writer threads follow the
 * thread that opened the cache.
 *
 * <p>Windows and macOS honour Java priorities as they are. Linux ignores them unless the JVM runs with
 * {@code -XX:ThreadPriorityPolicy=1}; the installed launcher adds that and {@code -XX:JavaPriority1_To_OSPriority=10}
 * (nice 10 instead of the default mapping's 4). Lowering a thread's priority needs no privilege.
 */
public final class BackgroundThreads {

    private BackgroundThreads() {
    }

    /** A background thread, not yet started. */
    public static Thread newThread(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }

    /** Starts {@code work} on a new background thread. */
    public static Thread start(Runnable work, String name) {
        Thread thread = newThread(work, name);
        thread.start();
        return thread;
    }

    /** For an executor of one thread: every thread it makes has the same name. */
    public static ThreadFactory named(String name) {
        return work -> newThread(work, name);
    }

    /** For a pool: {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return work -> newThread(work, prefix + "-" + n.incrementAndGet());
    }
}
