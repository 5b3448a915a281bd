package io.watchpost.sync;

import io.watchpost.normalize.Event;
import io.watchpost.store.Cache;
import io.watchpost.store.StoredEvent;
import io.watchpost.testing.CommandRun;
import io.watchpost.testing.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An investigator's workstation pulls a time range of chosen groups; the team database drops old days. */
class EventPullAndRetentionTest {

    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    @TempDir
    Path dir;

    @BeforeEach
    void empty() throws SQLException {
        try (Connection pg = PG.connect(); Statement st = pg.createStatement()) {
            st.execute("DO $$ BEGIN IF to_regclass('events') IS NOT NULL THEN TRUNCATE events; END IF; END $$");
        }
    }

    @Test
    void pullLoadsTheRangeOfChosenGroupsAndThePushDoesNotSendThemBack() {
        PgTarget target = PgTarget.parse(PG.url());
        try (Cache ingesting = Cache.open(dir.resolve("ingesting")); Cache investigator = Cache.open(dir.resolve("investigator"))) {
            // 3 days of two groups reach the team database from the ingesting workstation.
            ingesting.events().append(TestEvents.generate("/aws/cloudtrail", 0, 3000, 3));
            ingesting.events().append(TestEvents.generate("/aws/vpc", 0, 3000, 3));
            new PostgresSync(ingesting.dataSource(), target, "ingest-ws").pushOnce();

            // The investigator has one of the events already and ingests its own meanwhile.
            investigator.events().append(TestEvents.generate("/aws/cloudtrail", 0, 1, 3));
            investigator.events().append(TestEvents.generate("/local/only", 0, 50, 1));

            Instant from = TestEvents.BASE.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(java.time.Duration.ofDays(1));
            Instant to = from.plus(java.time.Duration.ofDays(1));
            EventPull.Report report = new EventPull(target, investigator.events(), investigator.dataSource())
                    .pull(from, to, List.of("/aws/cloudtrail"));
            assertEquals(1000, report.read(), "one day of one group");
            assertEquals(1000, report.stored());

            List<Event> pulled = investigator.events().after(0, Integer.MAX_VALUE).stream().map(StoredEvent::event)
                    .filter(e -> e.logGroup().equals("/aws/cloudtrail")).toList();
            assertEquals(1001, pulled.size());
            List<Event> expected = TestEvents.generate("/aws/cloudtrail", 0, 3000, 3).stream()
                    .filter(e -> !e.eventTime().isBefore(from) && e.eventTime().isBefore(to)).toList();
            assertTrue(pulled.containsAll(expected), "every column arrives as it was ingested");

            SyncReport push = new PostgresSync(investigator.dataSource(), target, "investigator-ws").pushOnce();
            assertEquals(51, push.rowsRead(), "only the investigator's own events are pushed, not the pulled ones");
            assertEquals(51, push.rowsInserted() + push.duplicates());
            assertEquals(0, push.backlogRemaining());
        }
    }

    @Test
    void retentionDropsDayPartitionsOlderThanNDays() throws SQLException {
        PgTarget target = PgTarget.parse(PG.url());
        Clock clock = Clock.fixed(TestEvents.BASE.plus(java.time.Duration.ofDays(4)), ZoneOffset.UTC);
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            cache.events().append(TestEvents.generate("/aws/cloudtrail", 0, 700, 7)); // BASE day … BASE day + 6
            new PostgresSync(cache.dataSource(), target, "ws").pushOnce();
        }
        LocalDate baseDay = LocalDate.ofInstant(TestEvents.BASE, ZoneOffset.UTC);
        Retention.Report report = new Retention(target, clock).dropOlderThan(2); // today = BASE+4: keep BASE+2 …
        assertEquals(baseDay.plusDays(2), report.keptFrom());
        assertEquals(List.of(DailyPartitions.tableName(baseDay), DailyPartitions.tableName(baseDay.plusDays(1))),
                report.droppedPartitions());
        try (Connection pg = PG.connect()) {
            assertEquals(500, BulkCache.targetRows(pg));
            assertEquals(0, TestEvents.count(pg, "SELECT COUNT(*) FROM events WHERE event_time < '" + baseDay.plusDays(2) + "'"));
        }
        assertEquals(List.of(), new Retention(target, clock).dropOlderThan(2).droppedPartitions(), "idempotent");
    }

    @Test
    void cliPullAndRetainDays() {
        Path db = dir.resolve("cli");
        try (Cache cache = Cache.open(db)) {
            cache.events().append(TestEvents.generate("/g", 0, 200, 2));
        }
        CommandRun push = CommandRun.of("sync", "--db", db.toString(), "--pg-url", PG.url());
        assertEquals(0, push.exitCode(), push.err());
        Path other = dir.resolve("cli-other");
        CommandRun pull = CommandRun.of("sync", "--db", other.toString(), "--pg-url", PG.url(), "--pull",
                "--from", "2026-01-01", "--to", "2026-02-01", "--log-group", "/g");
        assertEquals(0, pull.exitCode(), pull.err());
        assertTrue(pull.out().startsWith("pulled 200 events"), pull.out());
        CommandRun retain = CommandRun.of("sync", "--db", db.toString(), "--pg-url", PG.url(), "--retain-days", "100000");
        assertEquals(0, retain.exitCode(), retain.err());
        assertTrue(retain.out().contains("dropped 0 partitions"), retain.out());
        CommandRun bad = CommandRun.of("sync", "--db", db.toString(), "--pg-url", PG.url(), "--pull");
        assertEquals(2, bad.exitCode());
        assertFalse(bad.err().isBlank());
    }
}
