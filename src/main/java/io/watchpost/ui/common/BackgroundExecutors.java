package io.watchpost.ui.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Executors for view models' background work: one named daemon thread each, so a stuck poll never blocks exit. They
 * keep the normal priority, above ingestion's ({@link io.watchpost.background.BackgroundThreads}): what they load is
 * what the analyst is waiting to see.
 */
public final class BackgroundExecutors {

    private BackgroundExecutors() {
    }

    public static ScheduledExecutorService singleThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
