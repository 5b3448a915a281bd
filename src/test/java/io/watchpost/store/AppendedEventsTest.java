package io.watchpost.store;

import io.watchpost.normalize.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.watchpost.store.RollupAppends.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rollups fold in committed batches from memory only when they continue the mark exactly; else they read rows. */
class AppendedEventsTest {

    private static final long NOW = 1_790_000_000_000L - Math.floorMod(1_790_000_000_000L, 60_000L) + 30_000;
    private static final long MINUTE = NOW - Math.floorMod(NOW, 60_000L);

    @TempDir
    Path dir;

    private static List<Event> events(int n) {
        return Collections.nCopies(n, event("e", "/g", "json", MINUTE, 5, null, null, null, null));
    }

    private static List<Long> lastSeqs(List<AppendedEvents.Appended> taken) {
        return taken.stream().map(AppendedEvents.Appended::lastSeq).toList();
    }

    @Test
    void theFirstBatchAfterListeningIsNeverInHandForWhatCameBeforeIsUnknown() {
        AppendedEvents appended = new AppendedEvents(1_000);
        appended.stored(events(5), 5);
        assertEquals(List.of(), appended.takeFollowing(0, 100));
        appended.stored(events(4), 9);
        appended.stored(events(3), 12);
        assertEquals(List.of(9L, 12L), lastSeqs(appended.takeFollowing(5, 100)), "the batch up to 5 was read from the table");
        assertEquals(List.of(), appended.takeFollowing(12, 100));
    }

    @Test
    void aBatchTheRollupsAlreadyReadPartOfBreaksTheChainUntilTheTableCatchesUp() {
        AppendedEvents appended = new AppendedEvents(1_000);
        appended.stored(events(5), 5);
        appended.stored(events(4), 9);
        appended.stored(events(3), 12);
        assertEquals(List.of(), appended.takeFollowing(7, 100), "rows 6..7 were counted from the table: 8..9 must come from it too");
        assertEquals(List.of(12L), lastSeqs(appended.takeFollowing(9, 100)));
    }

    @Test
    void dropsTheOldestBatchesPastItsLimitAndTakesAtLeastOneBatchPerRound() {
        AppendedEvents appended = new AppendedEvents(10);
        appended.stored(events(5), 5);
        appended.stored(events(4), 9);
        appended.stored(events(3), 12); // 12 held: the batch up to 5 goes
        appended.stored(events(8), 20); // the batches up to 9 and 12 go
        assertEquals(List.of(), appended.takeFollowing(5, 100), "dropped: the table has them");
        assertEquals(List.of(20L), lastSeqs(appended.takeFollowing(12, 1)), "more than the round's limit, but one batch");
    }

    @Test
    void foldsTheBatchesInHandWithoutReadingTheRowsBack() throws Exception {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            AppendedEvents appended = new AppendedEvents(1_000);
            cache.events().listen(appended);
            cache.events().append(List.of(event("a", "/g", "json", MINUTE, 5, null, null, null, null)));
            Rollups.catchUp(cache.dataSource(), cache.events().apiCalls(), NOW, appended); // the first: from the table
            cache.events().append(List.of(event("b", "/g", "json", MINUTE, 5, null, null, null, null),
                    event("c", "/g", "json", MINUTE, 5, null, null, null, null)));
            try (var c = cache.dataSource().getConnection(); var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM events WHERE event_id <> 'a'"); // the table no longer has them; memory does
            }
            Rollups.catchUp(cache.dataSource(), cache.events().apiCalls(), NOW, appended);
            List<VolumeRow> volume = new RollupQueries(cache.dataSource()).volume(new TimeRange(MINUTE, MINUTE + 60_000), 60_000,
                    RollupKey.SOURCE_TYPE);
            assertEquals(3, volume.get(0).events());
        }
    }

    @Test
    void rollupsFoldedFromMemoryEqualRollupsReadFromTheTable() {
        try (Cache fromMemory = Cache.open(dir.resolve("memory")); Cache fromTable = Cache.open(dir.resolve("table"))) {
            AppendedEvents appended = new AppendedEvents(1_000);
            fromMemory.events().listen(appended);
            List<List<Event>> batches = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                List<Event> batch = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    String id = b + "-" + i;
                    batch.add(i % 2 == 0
                            ? event("t" + id, "/trail", "cloudtrail", MINUTE - b * 60_000 + i * 1000, 10 + i, "ConsoleLogin",
                            i % 3 == 0 ? "failure" : "success", "user" + (i % 4), "10.0.0." + (i % 5))
                            : event("f" + id, "/flow", "vpcflow", MINUTE + i * 500, 2000 + b, "ACCEPT", "failure", null, "198.51.100." + i));
                }
                batches.add(batch);
            }
            batches.add(batches.get(1).subList(0, 10)); // duplicates: nothing stored, nothing told
            for (List<Event> batch : batches) {
                fromMemory.events().append(batch);
                Rollups.catchUp(fromMemory.dataSource(), fromMemory.events().apiCalls(), NOW, appended);
                fromTable.events().append(batch);
                Rollups.catchUp(fromTable.dataSource(), fromTable.events().apiCalls(), NOW, null);
            }

            RollupQueries memory = new RollupQueries(fromMemory.dataSource());
            RollupQueries table = new RollupQueries(fromTable.dataSource());
            TimeRange range = new TimeRange(MINUTE - 4 * 60_000, MINUTE + 60_000);
            assertEquals(table.volume(range, 60_000, RollupKey.SOURCE_TYPE), memory.volume(range, 60_000, RollupKey.SOURCE_TYPE));
            assertEquals(table.volume(range, 1_000, RollupKey.LOG_GROUP), memory.volume(range, 1_000, RollupKey.LOG_GROUP));
            assertEquals(table.latency(range, 60_000), memory.latency(range, 60_000));
            for (TalkerKind kind : TalkerKind.values()) {
                assertEquals(table.talkers(kind, range, 20), memory.talkers(kind, range, 20), kind.name());
            }
            long stored = memory.volume(range, 60_000, RollupKey.SOURCE_TYPE).stream().mapToLong(VolumeRow::events).sum();
            assertEquals(100, stored, "each stored event once");
            assertTrue(memory.talkers(TalkerKind.REJECTED_FLOW, range, 20).size() > 1);
        }
    }
}
