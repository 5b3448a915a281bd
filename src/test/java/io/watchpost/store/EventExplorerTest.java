package io.watchpost.store;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Explorer's queries on a real cache (filters here are hand-written SqlWhere; the language has its own tests). */
class EventExplorerTest {

    static final long T0 = Instant.parse("2025-11-24T08:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    /** 25 events, 5 per minute; events 10..14 share one time, so paging must break ties by seq. */
    private static List<Event> events() {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long t = i >= 10 && i < 15 ? T0 + 10 * 12_000 : T0 + i * 12_000L;
            Severity s = i % 5 == 0 ? Severity.ERROR : Severity.INFO;
            out.add(new Event(Instant.ofEpochMilli(t), Instant.ofEpochMilli(t), "/g", "s", "e" + i, i % 2 == 0 ? "json" : "text",
                    s, null, null, i % 3 == 0 ? "alice" : "bob", null, "m" + i, "m" + i,
                    Map.of("http.status", i % 4 == 0 ? "500" : "200"), null));
        }
        return out;
    }

    @Test
    void keysetPagesWalkEveryEventOnceInBothOrders() {
        try (Cache cache = Cache.open(dir.resolve("c"))) {
            cache.events().append(events());
            EventExplorer ex = new EventExplorer(cache.dataSource());
            TimeRange range = ex.fullRange();
            for (SortOrder order : SortOrder.values()) {
                List<String> seen = new ArrayList<>();
                EventPage page = ex.page(SqlWhere.ALL, range, order, null, 4);
                while (true) {
                    page.events().forEach(e -> seen.add(e.event().eventId()));
                    if (page.next().isEmpty()) {
                        break;
                    }
                    page = ex.page(SqlWhere.ALL, range, order, page.next().get(), 4);
                }
                assertEquals(25, seen.size(), order + " " + seen);
                assertEquals(25, seen.stream().distinct().count(), order + " " + seen);
                assertEquals(order == SortOrder.NEWEST_FIRST ? "e24" : "e0", seen.get(0));
            }
        }
    }

    @Test
    void histogramCountsPerBucketAndSplits() {
        try (Cache cache = Cache.open(dir.resolve("c"))) {
            cache.events().append(events());
            EventExplorer ex = new EventExplorer(cache.dataSource());
            TimeRange hour = new TimeRange(T0, T0 + 3_600_000);
            Histogram h = ex.histogram(SqlWhere.ALL, hour, HistogramSplit.SEVERITY);
            assertEquals(30_000, h.bucketMillis(), "an hour in at most 120 round buckets");
            assertEquals(120, h.buckets().size());
            assertEquals(25, h.total());
            assertEquals(3, h.buckets().get(0).count()); // 0, 12 s, 24 s
            assertEquals(Map.of("ERROR", 1L, "INFO", 2L), h.buckets().get(0).bySplit());
            assertEquals(0, h.buckets().get(119).count());
            Histogram json = ex.histogram(new SqlWhere("source_type = ?", List.of("json")), hour, HistogramSplit.NONE);
            assertEquals(13, json.total());
            assertTrue(json.buckets().get(0).bySplit().isEmpty());
            ExplorerView v = ex.open(SqlWhere.ALL, hour, SortOrder.NEWEST_FIRST, 10, HistogramSplit.SOURCE_TYPE);
            assertEquals(25, v.count());
            assertEquals(10, v.firstPage().events().size());
            assertEquals(25, ex.count(SqlWhere.ALL, hour));
            assertEquals(5, ex.count(SqlWhere.ALL, new TimeRange(T0 + 120_000, T0 + 120_001)));
        }
    }

    @Test
    void bucketSizesAreRoundAndAtMost120() {
        assertEquals(1_000, Histogram.bucketMillisFor(new TimeRange(0, 60_000), 120));
        assertEquals(300_000, Histogram.bucketMillisFor(new TimeRange(0, 6 * 3_600_000), 120));
        assertEquals(7_200_000, Histogram.bucketMillisFor(new TimeRange(0, 7L * 86_400_000), 120));
    }

    @Test
    void topValuesOfColumnsAndJsonFields() {
        try (Cache cache = Cache.open(dir.resolve("c"))) {
            cache.events().append(events());
            EventExplorer ex = new EventExplorer(cache.dataSource());
            TimeRange range = ex.fullRange();
            assertEquals(List.of(new ValueCount("bob", 16), new ValueCount("alice", 9)),
                    ex.topValues(SqlWhere.ALL, range, "user.name", 10));
            assertEquals(List.of(new ValueCount("200", 18), new ValueCount("500", 7)),
                    ex.topValues(SqlWhere.ALL, range, "HTTP.STATUS", 10));
            assertEquals(List.of(new ValueCount("500", 7)),
                    ex.topValues(new SqlWhere("source_type = ?", List.of("json")), range, "http.status", 1));
            assertFalse(ex.topValues(SqlWhere.ALL, range, "no.such.field", 5).iterator().hasNext());
        }
    }
}
