package io.watchpost.store;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter of held events: never a wrong "not held", across growth, saves, crashes and caches older than it. */
class HeldEventsTest {

    @TempDir
    Path dir;

    private static Event event(String id, long time) {
        return new Event(Instant.ofEpochMilli(time), Instant.ofEpochMilli(time), "/g", "s", id, "json", Severity.INFO,
                null, null, null, null, "m", "r", Map.of(), null);
    }

    private static List<Event> events(int from, int count) {
        List<Event> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(event("e" + i, 1_000 + i));
        }
        return out;
    }

    @Test
    void growsPastItsCapacityWithoutForgettingAnyKeyAndSurvivesASave() throws SQLException {
        try (Cache cache = Cache.open(dir.resolve("cache")); Connection c = cache.dataSource().getConnection()) {
            HeldEvents held = HeldEvents.load(c, 1_000);
            List<EncodedEvent> stored = new ArrayList<>();
            for (Event e : events(0, 7_000)) {
                stored.add(EncodedEvent.of(e));
            }
            held.add(stored);
            assertEquals(3, held.filters(), "1,000 + 2,000 + 4,000 keys");
            assertEquals(7_000, held.held());
            held.save(c, 0);
            HeldEvents again = HeldEvents.load(c, 1_000);
            int falsePositives = 0;
            for (int i = 0; i < 7_000; i++) {
                assertTrue(again.mightHold(event("e" + i, 0)), "held key e" + i + " reported as new");
                falsePositives += again.mightHold(event("new" + i, 0)) ? 1 : 0;
            }
            // about 1% per filter, three filters: well under 5%
            assertTrue(falsePositives < 350, falsePositives + " of 7,000 new keys reported as maybe held");
        }
    }

    @Test
    void rowsStoredAfterTheLastSaveAreReadBackOnOpen() throws SQLException {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            cache.events().append(events(0, 10));
            cache.events().saveHeldEvents();
            cache.events().append(events(10, 10));
            // a crash now: the saved filter covers the first ten only
            try (Connection c = cache.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT covered_seq FROM held_events_filter");
                 java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(10, rs.getLong(1));
            }
            try (Connection c = cache.dataSource().getConnection()) {
                HeldEvents reopened = HeldEvents.load(c);
                for (Event e : events(0, 20)) {
                    assertTrue(reopened.mightHold(e), e.eventId());
                }
            }
        }
    }

    @Test
    void anUnreadableSavedFilterIsRebuiltFromTheRows() throws SQLException {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            cache.events().append(events(0, 50));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath(), "sa", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE held_events_filter SET filters = X'00000001DEAD'");
        }
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            assertEquals(new AppendResult(1, 50), cache.events().append(events(0, 51)));
        }
    }

    @Test
    void aCacheFromBeforeTheFilterRefusesWhatItAlreadyHolds() throws SQLException {
        Path file = dir.resolve("old").toAbsolutePath();
        String url = "jdbc:h2:file:" + file;
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/h2").target("13").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement ps = c.prepareStatement("INSERT INTO events (log_group, event_id, log_stream, event_time, "
                     + "ingest_time, source_type, severity, raw, fields) VALUES ('/g', ?, 's', ?, 0, 'json', 'INFO', 'r', '{}')")) {
            for (Event e : events(0, 3)) {
                ps.setString(1, e.eventId());
                ps.setLong(2, e.eventTime().toEpochMilli());
                ps.executeUpdate();
            }
        }
        try (Cache cache = Cache.open(file)) {
            assertEquals(new AppendResult(1, 3), cache.events().append(events(0, 4)));
            assertEquals(4, cache.events().count());
        }
    }

    /** The saved filter is only a shortcut for the next open: failing to write it must not fail closing the cache. */
    @Test
    void aFailedSaveDoesNotFailTheClose() throws SQLException {
        Cache cache = Cache.open(dir.resolve("cache"));
        cache.events().append(events(0, 5));
        try (Connection c = cache.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE held_events_filter");
        }
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(cache::close);
    }
}
