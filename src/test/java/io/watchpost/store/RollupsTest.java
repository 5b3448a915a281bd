package io.watchpost.store;

import io.watchpost.normalize.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.watchpost.store.RollupAppends.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The V8 rollups count each stored event once, per second and per minute, and the queries read them back. */
class RollupsTest {

    private static final long NOW = 1_790_000_000_000L - Math.floorMod(1_790_000_000_000L, 60_000L) + 30_000; // mid-minute
    private static final long MINUTE = NOW - Math.floorMod(NOW, 60_000L);

    @TempDir
    Path dir;
    private Cache cache;
    private RollupQueries queries;

    @BeforeEach
    void open() {
        cache = Cache.open(dir.resolve("cache"));
        queries = new RollupQueries(cache.dataSource());
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void countsStoredEventsOnceByBucketAndKeyAndIgnoresDuplicates() {
        List<Event> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(event("t" + i, "/trail", "cloudtrail", MINUTE + i * 1000, 100, "ConsoleLogin", "success", "alice", "10.0.0.1"));
        }
        for (int i = 0; i < 4; i++) {
            batch.add(event("f" + i, "/flow", "vpcflow", MINUTE + 500, 2000, null, "failure", null, "198.51.100.7"));
        }
        RollupAppends.append(cache, batch, NOW);
        RollupAppends.append(cache, batch.subList(0, 5), NOW); // duplicates: MERGE stores none, rollups count none

        TimeRange range = new TimeRange(MINUTE, MINUTE + 60_000);
        List<VolumeRow> perMinute = queries.volume(range, 60_000, RollupKey.SOURCE_TYPE);
        assertEquals(List.of("cloudtrail", "vpcflow"), perMinute.stream().map(VolumeRow::key).toList());
        assertEquals(10, perMinute.get(0).events());
        assertEquals(4, perMinute.get(1).events());
        assertEquals(10L * "raw-t0".length(), perMinute.get(0).bytes());

        List<VolumeRow> perSecond = queries.volume(range, 1_000, RollupKey.LOG_GROUP);
        assertEquals(11, perSecond.size(), "10 seconds of /trail, 1 of /flow");
        assertEquals(4, perSecond.stream().filter(r -> r.key().equals("/flow")).mapToLong(VolumeRow::events).sum());

        List<LatencyRow> latency = queries.latency(range, 60_000);
        assertEquals(1, latency.size());
        assertEquals(2000, latency.get(0).maxMillis());
        assertTrue(latency.get(0).p50Millis() >= 100 && latency.get(0).p50Millis() < 134, "p50 in the 100 ms bin: " + latency.get(0));
        assertEquals(2000, latency.get(0).p95Millis(), "p95 bin bound capped at the exact max");

        assertEquals(List.of(new ValueCount("10.0.0.1", 10), new ValueCount("198.51.100.7", 4)),
                queries.talkers(TalkerKind.SOURCE_IP, range, 10));
        assertEquals(List.of(new ValueCount("198.51.100.7", 4)), queries.talkers(TalkerKind.REJECTED_FLOW, range, 10));
        assertEquals(List.of(new ValueCount("alice", 10)), queries.talkers(TalkerKind.USER, range, 10));
        assertEquals(List.of(new ValueCount("ConsoleLogin", 10)), queries.talkers(TalkerKind.ACTION, range, 10));
        assertEquals(range, queries.extent().orElseThrow());
    }

    @Test
    void keepsPerSecondRowsForTheLastHourOnlyButEveryMinute() {
        long old = NOW - 2 * 3_600_000;
        RollupAppends.append(cache, List.of(event("old", "/g", "json", old, 5, null, null, null, null)), NOW);
        TimeRange around = new TimeRange(old - 60_000, old + 60_000);
        assertEquals(0, queries.volume(around, 1_000, RollupKey.LOG_GROUP).size());
        assertEquals(1, queries.volume(around, 60_000, RollupKey.LOG_GROUP).get(0).events());
    }

    @Test
    void compactsFinishedMinutesToTheirTopTalkers() {
        long earlier = MINUTE - 5 * 60_000;
        List<Event> batch = new ArrayList<>();
        for (int i = 0; i < Rollups.TALKERS_KEPT_PER_MINUTE + 20; i++) {
            for (int k = 0; k <= (i < 3 ? 5 : 0); k++) {
                batch.add(event("e" + i + "-" + k, "/g", "json", earlier, 5, null, null, null, "10.1.0." + i));
            }
        }
        // Far enough after the last compaction that this append compacts.
        RollupAppends.append(cache, batch, NOW + 3_600_000);
        List<ValueCount> top = queries.talkers(TalkerKind.SOURCE_IP, new TimeRange(earlier, earlier + 60_000), 1000);
        assertEquals(Rollups.TALKERS_KEPT_PER_MINUTE, top.size());
        assertEquals(6, top.get(0).count());
    }
}
