package io.watchpost.query;

import io.watchpost.store.Cache;
import io.watchpost.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code watchpost query} with the full language, a time range and a sort order. */
class QueryCommandTest {

    @TempDir
    Path dir;

    @Test
    void countsSortsAndReportsBadFilters() {
        Path db = dir.resolve("c");
        try (Cache cache = Cache.open(db)) {
            cache.events().append(List.of(
                    QueryAgainstCacheTest.event(1, "cloudtrail", io.watchpost.normalize.Severity.WARNING, "ConsoleLogin",
                            "failure", "alice", "10.1.2.3", "m1"),
                    QueryAgainstCacheTest.event(2, "cloudtrail", io.watchpost.normalize.Severity.INFO, "ConsoleLogin",
                            "success", "bob", "8.8.8.8", "m2"),
                    QueryAgainstCacheTest.event(3, "text", io.watchpost.normalize.Severity.INFO, null, null, null, null, "m3")));
        }
        CommandRun count = CommandRun.of("query", "--db", db.toString(), "--filter",
                "event.action = ConsoleLogin and not source.ip in 10.0.0.0/8", "--format", "count");
        assertEquals(0, count.exitCode(), count.err());
        assertEquals("1", count.out().trim());
        CommandRun ranged = CommandRun.of("query", "--db", db.toString(), "--from", "2025-11-24T08:00:02Z",
                "--to", "2025-11-24T08:00:03.500Z", "--format", "count");
        assertEquals("2", ranged.out().trim(), ranged.err());
        CommandRun asc = CommandRun.of("query", "--db", db.toString(), "--sort", "asc", "--limit", "1");
        assertTrue(asc.out().contains("\"eventId\":\"1\""), asc.out());
        CommandRun bad = CommandRun.of("query", "--db", db.toString(), "--filter", "user like bob");
        assertEquals(2, bad.exitCode());
        assertEquals("watchpost query: bad filter: unknown operator 'like'; did you mean 'contains'? (column 6)\n"
                + "  user like bob\n       ^\n", bad.err().replace("\r", ""));
    }
}
