package io.watchpost.store;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventStoreTest {

    @TempDir
    Path dir;

    static Event event(String group, String id, long time, String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a.b", "x\"y");
        fields.put("n", "1");
        return new Event(Instant.ofEpochMilli(time), Instant.ofEpochMilli(time + 5), group, "stream", id, "json",
                Severity.INFO, "Act", "success", "alice", "10.0.0.1", message, "{\"raw\":true}", fields, null);
    }

    @Test
    void storesEveryFieldAndReadsItBack() {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            Event e = event("/g", "1", 1000, "hello\ttab\nnewline");
            assertEquals(new AppendResult(1, 0), cache.events().append(List.of(e)));
            List<StoredEvent> back = cache.events().find(SqlWhere.ALL, 10, true);
            assertEquals(1, back.size());
            assertEquals(e, back.get(0).event());
        }
    }

    @Test
    void sameGroupAndEventIdIsStoredOnce() {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            List<Event> batch = List.of(event("/g", "1", 1, "a"), event("/g", "2", 2, "b"), event("/other", "1", 3, "c"));
            assertEquals(new AppendResult(3, 0), cache.events().append(batch));
            assertEquals(new AppendResult(0, 3), cache.events().append(batch));
            assertEquals(3, cache.events().count());
        }
    }

    @Test
    void offsetCommitsWithItsEventsAndSurvivesReopen() {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            cache.events().append(List.of(event("/g", "1", 1, "a")), new SourceOffset("p", "{\"t\":1}"));
        }
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            assertEquals("{\"t\":1}", cache.events().offset("p").orElseThrow());
            assertEquals(1, cache.events().count());
        }
    }

    @Test
    void aFailedAppendMovesNeitherEventsNorOffset() {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            cache.events().append(List.of(event("/g", "1", 1, "a")), new SourceOffset("p", "old"));
            String tooLong = "x".repeat(100);
            List<Event> batch = new ArrayList<>(List.of(event("/g", "3", 3, "ok")));
            // a source type longer than its column makes the insert fail after the first row was accepted
            batch.add(new Event(Instant.EPOCH, Instant.EPOCH, "/g", "s", "4", tooLong, Severity.INFO, null, null, null,
                    null, null, "raw", Map.of(), null));
            assertThrows(StoreException.class, () -> cache.events().append(batch, new SourceOffset("p", "new")));
            assertEquals("old", cache.events().offset("p").orElseThrow());
            assertEquals(1, cache.events().count());
        }
    }

    @Test
    void afterFollowsArrivalOrder() {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            cache.events().append(List.of(event("/g", "1", 50, "late"), event("/g", "2", 10, "early")));
            long first = cache.events().after(0, 1).get(0).seq();
            List<StoredEvent> rest = cache.events().after(first, 10);
            assertEquals(1, rest.size());
            assertEquals("2", rest.get(0).event().eventId());
            assertEquals(rest.get(0).seq(), cache.events().maxSeq());
        }
    }
}
