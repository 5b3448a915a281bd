package io.watchpost.store;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading a result at any position: every page equals the same stretch of a full scan, in both orders, whether the
 * position falls in a sparse hour, in a burst crowded into two seconds, or among events sharing one millisecond.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultPagesTest {

    static final long T0 = Instant.parse("2025-11-24T08:00:00Z").toEpochMilli();

    private Cache cache;
    private EventExplorer explorer;

    @BeforeAll
    void fill(@TempDir Path dir) {
        cache = Cache.open(dir.resolve("c"));
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            events.add(event(i, T0 + i * 450L)); // one hour
        }
        for (int i = 0; i < 5_000; i++) {
            events.add(event(8_000 + i, T0 + 1_800_000 + (i * 7L) % 2_000)); // a burst: 5,000 in two seconds
        }
        for (int i = 0; i < 2_500; i++) {
            events.add(event(13_000 + i, T0 + 2_700_000)); // 2,500 in the same millisecond
        }
        Collections.shuffle(events, new Random(7)); // arrival order unlike time order: seq breaks ties only
        for (int i = 0; i < events.size(); i += 5_000) {
            cache.events().append(events.subList(i, Math.min(events.size(), i + 5_000)));
        }
        explorer = new EventExplorer(cache.dataSource());
    }

    @AfterAll
    void close() {
        cache.close();
    }

    private static Event event(int n, long t) {
        Instant at = Instant.ofEpochMilli(t);
        return new Event(at, at, "/g", "s", "e" + n, n % 3 == 0 ? "json" : "text", Severity.INFO, null, null, null,
                null, "m" + n, "m" + n, Map.of(), null);
    }

    @Test
    void everyPositionReadsTheSameRowsAsAFullScan() {
        for (SqlWhere where : List.of(SqlWhere.ALL, new SqlWhere("source_type = ?", List.of("json")))) {
            TimeRange range = explorer.fullRange();
            for (SortOrder order : SortOrder.values()) {
                List<Long> all = seqs(explorer.page(where, range, order, null, 100_000).events());
                ResultPages pages = new ResultPages(explorer, where, range,
                        explorer.histogram(where, range, HistogramSplit.NONE));
                assertEquals(all.size(), pages.total());
                Random random = new Random(11);
                List<Long> starts = new ArrayList<>(List.of(0L, pages.total() - 1, pages.total() - 500L,
                        pages.total() / 2));
                for (int i = 0; i < 40; i++) {
                    starts.add((long) random.nextInt(all.size()));
                }
                for (long start : starts) {
                    List<Long> expected = all.subList((int) start, (int) Math.min(all.size(), start + 500));
                    assertEquals(expected, seqs(pages.read(order, start, 500, null)), order + " at " + start);
                }
                assertTrue(pages.read(order, pages.total(), 500, null).isEmpty(), "past the end: nothing");
            }
        }
    }

    @Test
    void aReadNextToAKnownRowIsAKeysetSeek() {
        TimeRange range = explorer.fullRange();
        ResultPages pages = new ResultPages(explorer, SqlWhere.ALL, range,
                explorer.histogram(SqlWhere.ALL, range, HistogramSplit.NONE));
        for (SortOrder order : SortOrder.values()) {
            List<StoredEvent> first = pages.read(order, 9_000, 500, null);
            List<StoredEvent> next = pages.read(order, 9_500, 500, PageCursor.after(first.get(first.size() - 1)));
            assertEquals(seqs(pages.read(order, 9_500, 500, null)), seqs(next), order.toString());
        }
    }

    @Test
    void noResultReadsNothing() {
        ResultPages none = ResultPages.empty(explorer);
        assertEquals(0, none.total());
        assertTrue(none.read(SortOrder.NEWEST_FIRST, 0, 500, null).isEmpty());
    }

    private static List<Long> seqs(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::seq).toList();
    }
}
