package io.watchpost.detect.alerts;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.store.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every stored event reaches detection exactly once and in storage order, however it gets there. */
class LiveDetectionTest {

    @TempDir
    Path dir;
    Cache cache;
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() {
        cache = Cache.open(dir.resolve("cache"));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    static List<Event> events(int from, int count) {
        Normalizer n = new Normalizer();
        List<Event> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(n.normalize(new RawLogEvent("/test/app", "s", String.format("%08d", i), 1_700_000_000_000L + i,
                    1_700_000_000_000L + i, "{\"level\":\"info\",\"msg\":\"event " + i + "\"}")));
        }
        return out;
    }

    void awaitSeen(LiveDetection live, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((seen.size() < count || live.lastSeq() < cache.events().committedSeq()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    List<String> expectedIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.format("%08d", i));
        }
        return ids;
    }

    @Test
    void eventsStoredBeforeAndAfterStartAreSeenOnceInOrder() throws InterruptedException {
        cache.events().append(events(0, 3_000));
        try (LiveDetection live = new LiveDetection(cache.events(), batch -> batch.forEach(e -> seen.add(e.eventId())),
                0, Duration.ofMillis(20))) {
            for (int i = 3_000; i < 9_000; i += 500) {
                cache.events().append(events(i, 500));
            }
            cache.events().append(events(8_500, 1_000)); // half of it already stored: only the new half is new
            awaitSeen(live, 9_500);
            assertEquals(expectedIds(9_500), seen);
        }
    }

    @Test
    void fallingBehindDropsTheQueueAndReadsTheCacheInstead() throws InterruptedException {
        Object gate = new Object();
        List<Event> first = new ArrayList<>();
        try (LiveDetection live = new LiveDetection(cache.events(), batch -> {
            synchronized (gate) { // the first batch waits until everything is stored: the queue overflows meanwhile
                batch.forEach(e -> seen.add(e.eventId()));
            }
        }, 0, Duration.ofMillis(20), 1_000)) {
            synchronized (gate) {
                cache.events().append(events(0, 400));
                Thread.sleep(100); // the detection thread now holds the first batch and blocks on the gate
                for (int i = 400; i < 10_000; i += 400) {
                    cache.events().append(events(i, 400));
                }
            }
            awaitSeen(live, 10_000);
            assertEquals(expectedIds(10_000), seen);
        }
    }
}
