package io.watchpost.cli;

import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.store.Cache;
import io.watchpost.testing.CommandRun;
import io.watchpost.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `watchpost sync` against the real PostgreSQL: counts, and a second run that adds nothing. */
class SyncCommandTest {

    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    @TempDir
    Path dir;

    @Test
    void pushesTheCacheOnceAndARerunAddsNothing() throws Exception {
        Path db = dir.resolve("cache");
        Normalizer normalizer = new Normalizer();
        try (Cache cache = Cache.open(db)) {
            List<io.watchpost.normalize.Event> events = new ArrayList<>();
            for (int i = 0; i < 1234; i++) {
                events.add(normalizer.normalize(new RawLogEvent("/app", "s" + (i % 3), "id-" + i,
                        1_763_971_200_000L + i * 1000L, 0, "{\"level\":\"INFO\",\"n\":" + i + "}")));
            }
            cache.events().append(events);
        }
        String url = PG.url() + (PG.url().contains("?") ? "&" : "?") + "password=s3cret-never-printed";

        CommandRun first = CommandRun.of("sync", "--db", db.toString(), "--pg-url", url);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().startsWith("pushed 1234 events to "), first.out());
        assertTrue(first.out().contains(": 1234 new, 0 already there"), first.out());

        CommandRun again = CommandRun.of("sync", "--db", db.toString(), "--pg-url", url);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("pushed 0 events"), again.out());
        for (CommandRun run : List.of(first, again)) {
            assertFalse((run.out() + run.err()).contains("s3cret-never-printed"), "the password is never printed");
        }
        try (Connection c = PG.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT (log_group, event_id)) FROM events")) {
            rs.next();
            assertEquals(1234, rs.getLong(1));
            assertEquals(1234, rs.getLong(2));
        }
    }

    @Test
    void anUnreachableServerIsOneClearLineAndExitOne() {
        CommandRun run = CommandRun.of("sync", "--db", dir.resolve("cache").toString(),
                "--pg-url", "jdbc:postgresql://127.0.0.1:1/nowhere?user=x&password=hunter2");
        assertEquals(1, run.exitCode());
        // (the test log configuration also echoes warnings to stderr; the command's own message is its last line)
        List<String> lines = run.err().strip().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("watchpost sync: cannot connect to PostgreSQL at 127.0.0.1:1"), run.err());
        assertFalse(run.err().contains("hunter2"));
    }
}
