package io.watchpost.ui.common;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoalescedReloadTest {

    /** A burst of requests during a reload becomes one more reload, which sees the last announced change. */
    @Test
    void aBurstDuringAReloadFoldsIntoOneMoreReloadThatSeesTheLastChange() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger version = new AtomicInteger();
            AtomicInteger reloads = new AtomicInteger();
            AtomicInteger seen = new AtomicInteger(-1);
            CountDownLatch firstStarted = new CountDownLatch(1);
            CountDownLatch letFirstFinish = new CountDownLatch(1);
            CoalescedReload reload = new CoalescedReload(executor, () -> {
                int v = version.get();
                if (reloads.incrementAndGet() == 1) {
                    firstStarted.countDown();
                    await(letFirstFinish);
                }
                seen.set(v);
            });
            reload.request();
            assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
            for (int i = 1; i <= 1_000; i++) {
                version.set(i);
                reload.request();
            }
            letFirstFinish.countDown();
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS); // queued behind the reloads
            assertEquals(2, reloads.get(), "the first reload and one for the whole burst");
            assertEquals(1_000, seen.get());
            reload.request();
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
            assertEquals(3, reloads.get(), "a request after the burst is a reload of its own");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFailedReloadDoesNotSwallowLaterRequests() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger runs = new AtomicInteger();
            CoalescedReload reload = new CoalescedReload(executor, () -> {
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("the store was busy");
                }
            });
            reload.request();
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
            reload.request();
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
            assertEquals(2, runs.get());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRequestDuringAFailedReloadStillGetsItsReload() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch firstStarted = new CountDownLatch(1);
            CountDownLatch letFirstFail = new CountDownLatch(1);
            CoalescedReload reload = new CoalescedReload(executor, () -> {
                if (runs.incrementAndGet() == 1) {
                    firstStarted.countDown();
                    await(letFirstFail);
                    throw new IllegalStateException("the store was busy");
                }
            });
            reload.request();
            assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
            reload.request(); // announced while the first round runs, and that round fails
            letFirstFail.countDown();
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
            assertEquals(2, runs.get(), "the change announced during the failed round is read");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void afterShutdownARequestDoesNothing() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdown();
        AtomicInteger runs = new AtomicInteger();
        new CoalescedReload(executor, runs::incrementAndGet).request();
        assertEquals(0, runs.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
