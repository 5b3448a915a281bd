package io.watchpost.ui.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Executors for view models' background work: one named daemon thread each, so a stuck poll never blocks exit. */
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
