package io.watchpost.store;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache holds each (log group, eventId) once, whatever order and overlap the events arrive in: late events,
 * repeats inside a batch, replays of earlier slices, lanes appending at once. Written to hold any way the store finds
 * duplicates, the unique key today or a cheaper check tomorrow (issue 8's ingest rate wants one).
 */
class DuplicateEventsTest {

    @TempDir
    Path dir;

    private static Event event(String group, String stream, String id, long time) {
        return new Event(Instant.ofEpochMilli(time), Instant.ofEpochMilli(time + 5), group, stream, id, "json",
                Severity.INFO, null, null, null, null, "m" + id, "raw " + id, Map.of(), null);
    }

    @Test
    void aLateEventIsStoredWhenNewAndRefusedWhenHeld() {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            EventStore store = cache.events();
            assertEquals(new AppendResult(1, 0), store.append(List.of(event("/g", "s", "new", 1_000))));
            // late, same stream, and at the very time of a held event: stored, it is another event
            assertEquals(new AppendResult(2, 0), store.append(List.of(event("/g", "s", "late", 500),
                    event("/g", "s", "same-ms", 1_000))));
            assertEquals(new AppendResult(0, 3), store.append(List.of(event("/g", "s", "late", 500),
                    event("/g", "s", "same-ms", 1_000), event("/g", "s", "new", 1_000))));
            assertEquals(3, store.count());
        }
    }

    @Test
    void aRepeatInsideOneBatchIsStoredOnceAndTheSameIdInAnotherGroupIsAnotherEvent() {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            EventStore store = cache.events();
            assertEquals(new AppendResult(2, 2), store.append(List.of(event("/g", "s", "1", 10), event("/g", "s", "1", 10),
                    event("/h", "s", "1", 10), event("/h", "s", "1", 10))));
            assertEquals(new AppendResult(0, 2), store.append(List.of(event("/g", "s", "1", 10), event("/h", "s", "1", 10))));
        }
    }

    @Test
    void whatIsHeldIsRefusedAfterAReopen() {
        List<Event> batch = List.of(event("/g", "a", "1", 100), event("/g", "b", "2", 200));
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            cache.events().append(batch);
        }
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            assertEquals(new AppendResult(0, 2), cache.events().append(batch));
        }
    }

    @Test
    void aFailedAppendStoresNothingAndItsRetryStoresTheBatchOnce() {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            EventStore store = cache.events();
            Event tooLong = new Event(Instant.ofEpochMilli(900), Instant.ofEpochMilli(905), "/g", "s", "x".repeat(65), "json",
                    Severity.INFO, null, null, null, null, "m", "r", Map.of(), null);
            assertThrows(StoreException.class, () -> store.append(List.of(event("/g", "s", "1", 1_000), tooLong)));
            // nothing of the failed batch is held, so its retry stores the event, and a second retry finds it held
            assertEquals(new AppendResult(1, 0), store.append(List.of(event("/g", "s", "1", 1_000))));
            assertEquals(new AppendResult(0, 1), store.append(List.of(event("/g", "s", "1", 1_000))));
            assertEquals(1, store.count());
        }
    }

    /** Interleaved streams, late events and replays of random earlier slices, as a restart or a backfill gives. */
    @Test
    void shuffledReplaysStoreEachEventExactlyOnce() {
        Random random = new Random(8);
        List<Event> all = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            all.add(event("/g" + random.nextInt(2), "s" + random.nextInt(5), "e" + i, 1_000 + random.nextInt(2_000)));
        }
        Set<String> sent = new HashSet<>();
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            int stored = 0;
            for (int round = 0; round < 60; round++) {
                int from = random.nextInt(all.size() - 200);
                List<Event> batch = new ArrayList<>(all.subList(from, from + 1 + random.nextInt(200)));
                java.util.Collections.shuffle(batch, random);
                for (Event e : batch) {
                    sent.add(e.logGroup() + "|" + e.eventId());
                }
                stored += cache.events().append(batch).stored();
            }
            assertEquals(sent.size(), stored);
            assertEquals(sent.size(), cache.events().count());
        }
    }

    /**
     * The ingest engine's lanes append from their own threads. Overlapping batches still store each event once, and
     * the listeners hear every stored event once, in commit order (each batch's last seq above the one before).
     */
    @Test
    void concurrentOverlappingAppendsStoreOnceAndReportInCommitOrder() throws Exception {
        List<Event> all = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            all.add(event("/g" + (i % 3), "s", "e" + i, 1_000 + i));
        }
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            List<Long> lastSeqs = java.util.Collections.synchronizedList(new ArrayList<>());
            Set<String> heard = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicInteger heardTwice = new java.util.concurrent.atomic.AtomicInteger();
            cache.events().listen((events, lastSeq) -> {
                lastSeqs.add(lastSeq);
                for (Event e : events) {
                    if (!heard.add(e.logGroup() + "|" + e.eventId())) {
                        heardTwice.incrementAndGet();
                    }
                }
            });
            java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> lanes = new ArrayList<>();
            for (int lane = 0; lane < 3; lane++) {
                Random random = new Random(lane);
                lanes.add(new Thread(() -> {
                    for (int round = 0; round < 40; round++) {
                        int from = random.nextInt(all.size() - 300);
                        List<Event> batch = new ArrayList<>(all.subList(from, from + 300));
                        java.util.Collections.shuffle(batch, random);
                        stored.addAndGet(cache.events().append(batch).stored());
                    }
                }));
            }
            lanes.forEach(Thread::start);
            for (Thread t : lanes) {
                t.join(60_000);
            }
            long count = cache.events().count();
            assertEquals(count, stored.get());
            assertEquals(count, heard.size());
            assertEquals(0, heardTwice.get());
            for (int i = 1; i < lastSeqs.size(); i++) {
                assertTrue(lastSeqs.get(i) > lastSeqs.get(i - 1), "batch " + i + " reported after a higher seq: " + lastSeqs);
            }
            assertEquals(cache.events().maxSeq(), lastSeqs.get(lastSeqs.size() - 1));
        }
    }
}
