package io.watchpost.sync;

import io.watchpost.store.Cache;
import io.watchpost.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the syncing process (SIGKILL, as a crash or power loss would) at random moments, 20 times, restarting it each
 * time: PostgreSQL must end up holding exactly the cached events, none missing and none twice.
 */
class SyncCrashTest {

    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    private static final int EVENTS = 150_000;
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void killedTwentyTimesAtRandomMomentsStillEndsWithExactlyTheCachedEvents() throws Exception {
        Path db = dir.resolve("cache");
        try (Cache cache = Cache.open(db)) {
            BulkCache.fill(cache, "/aws/cloudtrail", 0, EVENTS / 2);
            BulkCache.fill(cache, "/aws/vpc-flow", 0, EVENTS / 2);
        }
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path out = dir.resolve("child.log");
        List<Long> rowsAfterKill = new ArrayList<>();
        // Small batches, so that most kills land between the COPY, the merge's commit and the cache's mark.
        String[] args = {"--db", db.toString(), "--pg-url", PG.url(), "--follow", "--batch-size", "500"};
        for (int kill = 0; kill < KILLS; kill++) {
            long outputBefore = Files.exists(out) ? Files.size(out) : 0;
            Process child = ChildSync.start(dir.resolve("logs"), out, args);
            if (random.nextInt(5) == 0) {
                // Now and then during start-up: opening the cache, migrating, the first connections.
                Thread.sleep(200 + random.nextInt(2000));
            } else {
                // Mostly once the push is under way (start-up takes seconds on a busy machine), at a random moment.
                // (Or idle, once everything is pushed: then the kill lands between rounds.)
                awaitOutput(out, outputBefore, "sync: ", child);
                Thread.sleep(random.nextInt(1500));
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child is gone");
            try (Connection pg = PG.connect()) {
                rowsAfterKill.add(migrated(pg) ? BulkCache.targetRows(pg) : 0L);
            }
        }
        System.out.printf("seed %d; rows in PostgreSQL after each kill: %s%n", seed, rowsAfterKill);

        // A last, undisturbed run finishes the job.
        Process last = ChildSync.start(dir.resolve("logs"), out, "--db", db.toString(), "--pg-url", PG.url());
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the final sync finishes");
        String output = Files.readString(out);
        assertEquals(0, last.exitValue(), output);
        System.out.println("final run: " + output.substring(output.lastIndexOf("pushed ")).strip());

        long midSync = rowsAfterKill.stream().filter(n -> n > 0 && n < EVENTS).distinct().count();
        assertTrue(midSync >= 3, "at least a few kills landed in the middle of a push: " + rowsAfterKill);
        try (Cache cache = Cache.open(db); Connection pg = PG.connect()) {
            Set<String> cached = BulkCache.cachedKeys(cache);
            Set<String> target = BulkCache.targetKeys(pg);
            assertEquals(EVENTS, cached.size());
            assertEquals(EVENTS, BulkCache.targetRows(pg), "no event twice");
            assertEquals(cached, target, "exactly the cached events");
        }
    }

    private static void awaitOutput(Path out, long from, String text, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(out) && Files.size(out) > from) {
                byte[] all = Files.readAllBytes(out); // from is a byte offset: the output holds multi-byte characters
                String fresh = new String(all, (int) from, all.length - (int) from, java.nio.charset.StandardCharsets.UTF_8);
                if (fresh.contains(text)) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        Path keep = Files.createTempDirectory("watchpost-sync-crash-");
        Files.copy(out, keep.resolve("child.log"));
        throw new AssertionError("the child never printed '" + text + "' (output kept in " + keep + "):\n" + Files.readString(out));
    }

    private static boolean migrated(Connection pg) throws java.sql.SQLException {
        return TestEvents.count(pg, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'events'") > 0;
    }
}
