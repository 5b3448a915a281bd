package io.watchpost.sync;

import io.watchpost.store.Cache;
import io.watchpost.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code watchpost sync --follow} in its own JVM: syncs until SIGTERM, then stops cleanly. */
class SyncFollowCommandTest {

    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    @TempDir
    Path dir;

    @Test
    void followSyncsUntilSigtermAndStopsCleanly() throws Exception {
        Path db = dir.resolve("cache");
        try (Cache cache = Cache.open(db)) {
            BulkCache.fill(cache, "/aws/cloudtrail", 0, 5000);
        }
        Path out = dir.resolve("out.log");
        String url = PG.url() + "&password=never-printed-4711";
        Process child = ChildSync.start(dir.resolve("logs"), out, "--db", db.toString(), "--pg-url", url, "--follow");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!read(out).contains("sync: up to date")) {
                assertTrue(child.isAlive() && System.nanoTime() < deadline, "follow reaches up to date:\n" + read(out));
                Thread.sleep(50);
            }
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "stops within 30 s of SIGTERM");
        } finally {
            child.destroyForcibly();
        }
        String output = read(out);
        assertTrue(output.contains("sync: stopped"), output);
        assertFalse(output.contains("never-printed-4711"), output);
        try (Connection pg = PG.connect()) {
            assertEquals(5000, BulkCache.targetRows(pg));
        }
        try (Cache cache = Cache.open(db)) { // closed cleanly: opens at once, nothing left behind
            assertEquals(5000, cache.events().count());
        }
    }

    private static String read(Path out) throws java.io.IOException {
        return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    }
}
