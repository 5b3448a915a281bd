package io.watchpost.background;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundThreadsTest {

    @Test
    void backgroundThreadsAreDaemonsBelowTheWindowsPriority() {
        Thread thread = BackgroundThreads.newThread(() -> { }, "work");
        assertTrue(thread.isDaemon(), "a stuck background thread must not hold up exit");
        assertEquals(Thread.MIN_PRIORITY, thread.getPriority(), "below the FX thread's NORM_PRIORITY");
    }

    @Test
    void threadsStartedFromABackgroundThreadInheritItsPriority() throws Exception {
        // How H2's writer threads, started by whichever thread opens the cache, end up low too.
        int[] childPriority = new int[1];
        Thread parent = BackgroundThreads.start(() -> {
            Thread child = new Thread(() -> { });
            childPriority[0] = child.getPriority();
        }, "opener");
        parent.join(5_000);
        assertEquals(Thread.MIN_PRIORITY, childPriority[0]);
    }

    @Test
    void poolThreadsAreNumberedAndLow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, BackgroundThreads.numbered("ingest"));
        try {
            String name = pool.submit(() -> Thread.currentThread().getName() + "@" + Thread.currentThread().getPriority())
                    .get(5, TimeUnit.SECONDS);
            assertEquals("ingest-1@" + Thread.MIN_PRIORITY, name);
        } finally {
            pool.shutdownNow();
        }
    }
}
