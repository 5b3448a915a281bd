package io.watchpost.sync;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.normalize.SourceTypes;
import io.watchpost.store.Cache;
import io.watchpost.store.StoredEvent;
import io.watchpost.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sync against a real PostgreSQL server: one fresh database for this class, emptied before each test. */
class PostgresSyncTest {

    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    @TempDir
    Path dir;

    private Cache cache;

    @BeforeEach
    void open() throws SQLException {
        cache = Cache.open(dir.resolve("cache"));
        try (Connection pg = PG.connect(); Statement st = pg.createStatement()) {
            // Each test starts from an empty target but keeps the schema; partitions stay, rows go.
            st.execute("DO $$ BEGIN IF to_regclass('events') IS NOT NULL THEN TRUNCATE events; END IF; END $$");
        }
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private PostgresSync sync(Cache c, String origin) {
        return new PostgresSync(c.dataSource(), PgTarget.parse(PG.url()), origin);
    }

    private static Map<String, Event> byKey(List<Event> events) {
        Map<String, Event> out = new TreeMap<>();
        for (Event e : events) {
            out.put(e.logGroup() + "/" + e.eventId(), e);
        }
        return out;
    }

    private List<Event> cached(Cache c) {
        return c.events().after(0, Integer.MAX_VALUE).stream().map(StoredEvent::event).toList();
    }

    @Test
    void pushCopiesEveryColumnExactly() throws SQLException {
        List<Event> events = new ArrayList<>(TestEvents.generate("/aws/cloudtrail", 0, 500, 3));
        events.addAll(TestEvents.tricky("/aws/tricky"));
        cache.events().append(events);

        SyncReport report = sync(cache, "ws-1").pushOnce();

        assertEquals(503, report.rowsRead());
        assertEquals(503, report.rowsInserted());
        assertEquals(0, report.duplicates());
        assertEquals(0, report.backlogRemaining());
        try (Connection pg = PG.connect()) {
            Map<String, Event> expected = byKey(cached(cache));
            Map<String, Event> actual = byKey(TestEvents.readAll(pg));
            assertEquals(expected.keySet(), actual.keySet());
            for (String key : expected.keySet()) {
                assertEquals(expected.get(key), actual.get(key), key);
            }
            assertTrue(actual.get("/aws/tricky/tricky-2").message().length() >= 200_000, "the 200 KB message arrived whole");
            assertEquals(503, TestEvents.count(pg, "SELECT count(*) FROM events WHERE origin = 'ws-1' AND synced_at <= now()"));
        }
    }

    @Test
    void nulCharactersBecomeReplacementCharacters() throws SQLException {
        Instant t = TestEvents.BASE;
        cache.events().append(List.of(new Event(t, t, "g", "s", "nul-1", SourceTypes.TEXT, Severity.INFO, null, null,
                null, null, "a\0b", "raw\0", Map.of("k\0", "v\0v"), null)));

        assertEquals(1, sync(cache, "ws").pushOnce().rowsInserted());

        try (Connection pg = PG.connect()) {
            Event e = TestEvents.readAll(pg).get(0);
            assertEquals("a\uFFFDb", e.message());
            assertEquals("raw\uFFFD", e.raw());
            assertEquals(Map.of("k\uFFFD", "v\uFFFDv"), e.fields());
        }
    }

    @Test
    void secondPushAddsNothingAndLaterPushesOnlyTheNewEvents() throws SQLException {
        cache.events().append(TestEvents.generate("g", 0, 1000, 2));
        PostgresSync sync = new PostgresSync(cache.dataSource(), PgTarget.parse(PG.url()), "ws", 300);

        assertEquals(1000, sync.pushOnce().rowsInserted());
        SyncReport again = sync.pushOnce();
        assertEquals(0, again.rowsRead());
        assertEquals(0, again.rowsInserted());

        cache.events().append(TestEvents.generate("g", 1000, 250, 2));
        assertEquals(250, sync.backlog());
        SyncReport more = sync.pushOnce();
        assertEquals(250, more.rowsRead(), "only events past the high-water mark are read");
        assertEquals(250, more.rowsInserted());
        assertEquals(0, sync.backlog());
        try (Connection pg = PG.connect()) {
            assertEquals(1250, TestEvents.count(pg, "SELECT count(*) FROM events"));
        }
    }

    @Test
    void rePushAfterLostHighWaterMarkIsIgnoredByTheMerge() throws SQLException {
        cache.events().append(TestEvents.generate("g", 0, 400, 2));
        sync(cache, "ws").pushOnce();
        // As if the process died after PostgreSQL committed but before the cache recorded it.
        try (Connection c = cache.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("UPDATE sync_state SET last_seq = 0");
        }

        SyncReport replay = sync(cache, "ws").pushOnce();

        assertEquals(400, replay.rowsRead());
        assertEquals(0, replay.rowsInserted());
        assertEquals(400, replay.duplicates());
        try (Connection pg = PG.connect()) {
            assertEquals(400, TestEvents.count(pg, "SELECT count(*) FROM events"));
        }
    }

    @Test
    void aFailedBatchLeavesTheMarkAfterTheLastCommittedOneAndTheNextPushResumes() throws SQLException {
        List<Event> events = new ArrayList<>(TestEvents.generate("g", 0, 1000, 2));
        Event poisoned = events.get(700);
        events.set(700, new Event(poisoned.eventTime(), poisoned.ingestTime(), poisoned.logGroup(), poisoned.logStream(),
                poisoned.eventId(), poisoned.sourceType(), poisoned.severity(), poisoned.action(), poisoned.outcome(),
                poisoned.user(), poisoned.sourceIp(), "poison", poisoned.raw(), poisoned.fields(), poisoned.parseError()));
        cache.events().append(events);
        PostgresSync sync = new PostgresSync(cache.dataSource(), PgTarget.parse(PG.url()), "ws", 300);
        sync.pushOnce(); // creates the schema
        try (Connection pg = PG.connect(); Statement st = pg.createStatement()) {
            st.execute("TRUNCATE events");
            st.execute("ALTER TABLE events ADD CONSTRAINT refuse_poison CHECK (message <> 'poison')");
        }
        try (Connection c = cache.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM sync_state");
        }

        SyncException e = assertThrows(SyncException.class, sync::pushOnce);

        assertTrue(e.getMessage().contains("refuse_poison"), e.getMessage());
        // Batches of 300: the first two committed, the third (holding event 700) did not, the fourth never merged.
        assertEquals(400, sync.backlog());
        try (Connection pg = PG.connect(); Statement st = pg.createStatement()) {
            assertEquals(600, TestEvents.count(pg, "SELECT count(*) FROM events"));
            st.execute("ALTER TABLE events DROP CONSTRAINT refuse_poison");
        }
        SyncReport resumed = sync.pushOnce();
        assertEquals(400, resumed.rowsRead());
        assertEquals(400, resumed.rowsInserted());
        try (Connection pg = PG.connect()) {
            assertEquals(1000, TestEvents.count(pg, "SELECT count(*) FROM events"));
        }
    }

    @Test
    void twoWorkstationsWithOverlappingEventsStoreEachEventOnce(@TempDir Path otherDir) throws SQLException {
        try (Cache other = Cache.open(otherDir.resolve("cache"))) {
            cache.events().append(TestEvents.generate("shared", 0, 600, 3));
            other.events().append(TestEvents.generate("shared", 400, 600, 3)); // ids 400..999, 200 overlap

            SyncReport first = sync(cache, "ws-a").pushOnce();
            SyncReport second = sync(other, "ws-b").pushOnce();

            assertEquals(600, first.rowsInserted());
            assertEquals(400, second.rowsInserted());
            assertEquals(200, second.duplicates());
            try (Connection pg = PG.connect()) {
                assertEquals(1000, TestEvents.count(pg, "SELECT count(*) FROM events"));
                assertEquals(1000, TestEvents.count(pg, "SELECT count(DISTINCT (log_group, event_id)) FROM events"));
                assertEquals(600, TestEvents.count(pg, "SELECT count(*) FROM events WHERE origin = 'ws-a'"));
                assertEquals(400, TestEvents.count(pg, "SELECT count(*) FROM events WHERE origin = 'ws-b'"));
            }
        }
    }

    @Test
    void aRowCommittedByAnotherWorkstationDuringTheMergeIsSkipped() throws Exception {
        cache.events().append(TestEvents.generate("g", 0, 1, 1));
        PostgresSync sync = new PostgresSync(cache.dataSource(), PgTarget.parse(PG.url()), "ws");
        sync.pushOnce(); // schema and partition
        List<Event> batch = TestEvents.generate("g", 1, 100, 1);
        cache.events().append(batch);
        Event contested = batch.get(50);
        try (Connection other = PG.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("INSERT INTO events (log_group, event_id, log_stream, "
                    + "event_time, ingest_time, source_type, severity, raw, fields, origin) "
                    + "VALUES (?, ?, 's', ?, now(), 'text', 'INFO', 'r', '{}', 'other')")) {
                ps.setString(1, contested.logGroup());
                ps.setString(2, contested.eventId());
                ps.setObject(3, java.time.OffsetDateTime.ofInstant(contested.eventTime(), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            // The other workstation has not committed: the push's anti-join cannot see the row, its insert waits.
            var push = java.util.concurrent.CompletableFuture.supplyAsync(sync::pushOnce);
            long deadline = System.currentTimeMillis() + 10_000;
            // Polled from its own connection: inside a transaction pg_stat_activity is a snapshot that never changes.
            while (countFresh("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0) {
                assertTrue(System.currentTimeMillis() < deadline, "the push never waited on the other insert");
                Thread.sleep(20);
            }
            other.commit();
            SyncReport report = push.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(100, report.rowsRead());
            assertEquals(99, report.rowsInserted());
            assertEquals(1, report.duplicates());
        }
        try (Connection pg = PG.connect()) {
            assertEquals(101, TestEvents.count(pg, "SELECT count(*) FROM events"));
            assertEquals(1, TestEvents.count(pg, "SELECT count(*) FROM events WHERE origin = 'other'"));
        }
    }

    @Test
    void dailyPartitionsExistForTheDaysPresentAndHoldTheirRows() throws SQLException {
        cache.events().append(TestEvents.generate("g", 0, 300, 3));
        sync(cache, "ws").pushOnce();

        try (Connection pg = PG.connect()) {
            TreeSet<LocalDate> days = new TreeSet<>();
            for (Event e : cached(cache)) {
                days.add(LocalDate.ofInstant(e.eventTime(), ZoneOffset.UTC));
            }
            assertEquals(3, days.size());
            for (LocalDate day : days) {
                String table = DailyPartitions.tableName(day);
                assertEquals(1, TestEvents.count(pg, "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        + "WHERE i.inhparent = 'events'::regclass AND c.relname = '" + table + "'"), table + " is a partition");
                assertEquals(100, TestEvents.count(pg, "SELECT count(*) FROM " + table));
            }
            assertEquals(0, TestEvents.count(pg, "SELECT count(*) FROM events_default"));
        }
    }

    @Test
    void futureDayWaitsInTheDefaultPartitionAndMovesWhenItsPartitionIsCreated() throws SQLException {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        Instant future = now.plus(java.time.Duration.ofDays(30));
        Event early = new Event(future, now, "g", "s", "future-1", SourceTypes.TEXT, Severity.INFO, null, null, null,
                null, "m", "r", Map.of(), null);
        cache.events().append(List.of(early));
        PgTarget target = PgTarget.parse(PG.url());
        new PostgresSync(cache.dataSource(), target, "ws", 100, Clock.fixed(now, ZoneOffset.UTC)).pushOnce();

        String table = DailyPartitions.tableName(LocalDate.ofInstant(future, ZoneOffset.UTC));
        try (Connection pg = PG.connect()) {
            assertEquals(1, TestEvents.count(pg, "SELECT count(*) FROM events_default"), "outside the window: default partition");
            assertFalse(exists(pg, table));
        }

        // Thirty days later the day is in the window: its partition is created and the waiting row moves into it.
        cache.events().append(List.of(new Event(future.plusSeconds(60), future, "g", "s", "future-2", SourceTypes.TEXT,
                Severity.INFO, null, null, null, null, "m", "r", Map.of(), null)));
        new PostgresSync(cache.dataSource(), target, "ws", 100, Clock.fixed(future, ZoneOffset.UTC)).pushOnce();

        try (Connection pg = PG.connect()) {
            assertTrue(exists(pg, table));
            assertEquals(2, TestEvents.count(pg, "SELECT count(*) FROM " + table));
            assertEquals(0, TestEvents.count(pg, "SELECT count(*) FROM events_default"));
            assertEquals(2, TestEvents.count(pg, "SELECT count(*) FROM events"));
        }
    }

    private static long countFresh(String sql) throws SQLException {
        try (Connection pg = PG.connect()) {
            return TestEvents.count(pg, sql);
        }
    }

    private static boolean exists(Connection pg, String table) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Test
    void wrongPortGivesAClearErrorWithoutThePasswordAndMovesNothing() throws SQLException {
        cache.events().append(TestEvents.generate("g", 0, 10, 1));
        String secret = "S3cr3t-pa55word";
        PgTarget target = PgTarget.parse("jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres&password=" + secret);
        PostgresSync sync = new PostgresSync(cache.dataSource(), target, "ws");

        SyncException e = assertThrows(SyncException.class, sync::pushOnce);

        assertTrue(e.getMessage().startsWith("cannot connect to PostgreSQL at 127.0.0.1:1/nowhere"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secret), "password in " + t);
        }
        assertEquals(10, sync.backlog(), "nothing marked as pushed");
        try (Connection c = cache.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT target_key, last_seq, last_error, last_error_at FROM sync_state")) {
            assertTrue(rs.next());
            assertEquals("postgresql://127.0.0.1:1/nowhere", rs.getString(1));
            assertEquals(0, rs.getLong(2));
            assertEquals(e.getMessage(), rs.getString(3));
            assertNotNull(rs.getObject(4));
            assertFalse(rs.getString(1).contains(secret) || rs.getString(3).contains(secret));
        }
    }

    @Test
    void missingDatabaseIsReportedByName() {
        PgTarget target = PgTarget.parse(PG.url()).withDatabase("no_such_db_for_watchpost");
        SyncException e = assertThrows(SyncException.class,
                () -> new PostgresSync(cache.dataSource(), target, "ws").pushOnce());
        assertTrue(e.getMessage().contains("has no database 'no_such_db_for_watchpost'"), e.getMessage());
    }

    @Test
    void eachTargetHasItsOwnHighWaterMark() throws SQLException {
        cache.events().append(TestEvents.generate("g", 0, 50, 1));
        sync(cache, "ws").pushOnce();
        // A different server+database is a different target: its backlog is everything.
        PostgresSync other = new PostgresSync(cache.dataSource(),
                PgTarget.parse("jdbc:postgresql://127.0.0.1:1/elsewhere?user=postgres"), "ws");
        assertEquals(50, other.backlog());
        assertEquals(0, sync(cache, "ws").backlog());
    }
}
