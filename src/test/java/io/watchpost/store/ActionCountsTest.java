package io.watchpost.store;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.query.FilterParser;
import io.watchpost.query.SqlCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Action filters answered from the per-minute action counts must give exactly what the rows give: the same pages in
 * both orders, the same histogram (whole minutes, minutes cut by bucket edges, events stored after the rollups' mark),
 * the same count and the same top values (JSON fields are read only from the action's rows). The reference is the same filter without its action key, which reads the rows.
 */
class ActionCountsTest {

    static final long T0 = Instant.parse("2025-11-24T08:00:00Z").toEpochMilli();
    private static final String[] ACTIONS = {"ConsoleLogin", "AssumeRole", "GetObject"};
    private static final String[] OUTCOMES = {"success", "failure", "", null};

    @TempDir
    Path dir;

    /** Events over ~40 minutes, ties in time included, with every kind of outcome (none, empty) and two severities. */
    private static List<Event> events(int from, int count, Random random) {
        List<Event> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            long t = T0 + random.nextInt(40 * 60) * 1000L + (random.nextInt(4) == 0 ? 0 : random.nextInt(1000));
            String action = random.nextInt(6) == 0 ? null : ACTIONS[random.nextInt(ACTIONS.length)];
            out.add(new Event(Instant.ofEpochMilli(t), Instant.ofEpochMilli(t + 500), "/g" + (i % 2), "s", "e" + i,
                    i % 3 == 0 ? "cloudtrail" : "json", random.nextBoolean() ? Severity.WARNING : Severity.INFO, action,
                    OUTCOMES[random.nextInt(OUTCOMES.length)], random.nextBoolean() ? "alice" : "bob", null, "m" + i, "raw" + i,
                    random.nextInt(5) == 0 ? Map.of() : Map.of("awsRegion", "eu-west-" + random.nextInt(3)), null));
        }
        return out;
    }

    /** The same filter without its action key: the plain SQL path over the rows. */
    private static SqlWhere rowsOnly(SqlWhere where) {
        return new SqlWhere(where.sql(), where.params());
    }

    @Test
    void compilerMarksActionKeysAndWhetherTheyAreTheWholeFilter() {
        SqlWhere both = SqlCompiler.compile(FilterParser.parse("event.action = ConsoleLogin and event.outcome = failure"));
        assertEquals(new ActionKey("ConsoleLogin", "failure"), both.actionKey().orElseThrow());
        assertTrue(both.onlyActionKey());
        SqlWhere compound = SqlCompiler.compile(FilterParser.parse("action = GetObject and (user.name = bob and severity >= warning)"));
        assertEquals(new ActionKey("GetObject", null), compound.actionKey().orElseThrow());
        assertFalse(compound.onlyActionKey());
        assertTrue(SqlCompiler.compile(FilterParser.parse("event.action = a or user.name = bob")).actionKey().isEmpty());
        assertTrue(SqlCompiler.compile(FilterParser.parse("not event.action = a")).actionKey().isEmpty());
        assertTrue(SqlCompiler.compile(FilterParser.parse("event.action != a")).actionKey().isEmpty());
    }

    @Test
    void countsAndRowsGiveTheSameExplorer() {
        Random random = new Random(7);
        try (Cache cache = Cache.open(dir.resolve("c"))) {
            cache.events().append(events(0, 1_500, random));
            while (Rollups.catchUp(cache)) {
                // fold everything stored so far into the counts
            }
            cache.events().append(events(1_500, 300, random)); // stored after the mark: read by seq
            EventExplorer explorer = new EventExplorer(cache.dataSource());
            List<TimeRange> ranges = List.of(explorer.fullRange(), new TimeRange(T0, T0 + 30 * 60_000),
                    new TimeRange(T0 + 61_234, T0 + 31 * 60_000 + 7_777), new TimeRange(T0 + 5 * 60_000 + 1, T0 + 5 * 60_000 + 50_000));
            for (String filter : List.of("event.action = ConsoleLogin", "event.action = ConsoleLogin and event.outcome = failure",
                    "event.action = AssumeRole and event.outcome = \"\"", "event.action = GetObject and user.name = bob",
                    "event.action = NoSuchCall")) {
                SqlWhere counted = SqlCompiler.compile(FilterParser.parse(filter));
                assertTrue(counted.actionKey().isPresent(), filter);
                SqlWhere rows = rowsOnly(counted);
                for (TimeRange range : ranges) {
                    String what = filter + " over " + range;
                    assertEquals(explorer.count(rows, range), explorer.count(counted, range), what);
                    for (HistogramSplit split : HistogramSplit.values()) {
                        assertEquals(explorer.histogram(rows, range, split), explorer.histogram(counted, range, split),
                                what + " split " + split);
                    }
                    for (long step : new long[]{60_000, 120_000, 300_000}) {
                        assertEquals(explorer.histogram(rows, range, step), explorer.histogram(counted, range, step),
                                what + " step " + step);
                    }
                    for (String field : List.of("awsRegion", "user.name")) {
                        assertEquals(explorer.topValues(rows, range, field, 10), explorer.topValues(counted, range, field, 10),
                                what + " top " + field);
                    }
                    for (SortOrder order : SortOrder.values()) {
                        assertEquals(walk(explorer, rows, range, order), walk(explorer, counted, range, order), what + " " + order);
                    }
                }
            }
            assertTrue(explorer.count(SqlCompiler.compile(FilterParser.parse("event.action = ConsoleLogin")), explorer.fullRange()) > 100,
                    "the data must exercise the counts");
        }
    }

    /** Every page of the result, by keyset cursor, as event ids. */
    private static List<String> walk(EventExplorer explorer, SqlWhere where, TimeRange range, SortOrder order) {
        List<String> seen = new ArrayList<>();
        EventPage page = explorer.page(where, range, order, null, 7);
        while (true) {
            page.events().forEach(e -> seen.add(e.event().eventId()));
            if (page.next().isEmpty()) {
                return seen;
            }
            page = explorer.page(where, range, order, page.next().get(), 7);
        }
    }
}
