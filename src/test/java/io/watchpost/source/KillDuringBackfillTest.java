package io.watchpost.source;

import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.store.Cache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `watchpost ingest` in a child JVM, SIGKILLed at random moments of a 100,000-event backfill 20 times and
 * restarted: the cache ends with exactly the endpoint's events, none lost, none twice. The endpoint runs in this
 * JVM, so it survives the kills.
 */
class KillDuringBackfillTest {

    static final String GROUP = "/kill/backfill";
    static final int EVENTS = 100_000;
    static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void twentyKillsLoseNothingAndDuplicateNothing() throws Exception {
        long t0 = System.currentTimeMillis() - 7_200_000;
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0))) {
            SourceEvents.seed(emu.logs(), GROUP, 8, EVENTS, t0, 300); // ~3,300 events a 1 MB page: ~30 pages
            Path db = dir.resolve("cache");
            List<String> command = List.of(javaBin(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), "io.watchpost.app.Main", "ingest",
                    "--db", db.toString(), "--log-group", GROUP, "--endpoint", emu.endpoint().toString(),
                    "--start", String.valueOf(t0), "--end", String.valueOf(t0 + EVENTS - 1),
                    // FilterLogEvents at 1/s paces the child so 20 kills land mid-backfill on any machine.
                    "--filter-rate", "1", "--progress");
            Random random = new Random(20251124);
            int killedMidRun = 0;
            long lastStored = -1;
            int progressed = 0;
            for (int i = 0; i < KILLS; i++) {
                Process p = start(command, i);
                // Kill at a random moment of the backfill: once it reported its first page, within 1.5 s.
                boolean exited = !awaitProgress(p, dir.resolve("run-" + i + ".log"))
                        || p.waitFor(random.nextInt(1_500), TimeUnit.MILLISECONDS);
                if (!exited) {
                    p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no H2 close
                    p.waitFor();
                    killedMidRun++;
                }
                long stored = storedCount(db);
                if (stored > lastStored) {
                    progressed++;
                }
                lastStored = stored;
            }
            Process last = start(command, KILLS);
            assertTrue(last.waitFor(150, TimeUnit.SECONDS), "the final run finishes");
            assertEquals(0, last.exitValue(), Files.readString(dir.resolve("run-" + KILLS + ".log")));
            assertTrue(killedMidRun >= KILLS / 2, "most runs were killed mid-backfill: " + killedMidRun);
            assertTrue(progressed >= 2, "runs between kills made progress");

            try (Cache cache = Cache.open(db)) {
                Map<String, Integer> cached = SourceEvents.cachedIds(cache, GROUP);
                Set<String> expected = SourceEvents.endpointIds(emu.logs(), GROUP);
                assertEquals(EVENTS, expected.size());
                List<String> twice = cached.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
                Set<String> unknown = new java.util.HashSet<>(cached.keySet());
                unknown.removeAll(expected);
                Set<String> missing = new java.util.HashSet<>(expected);
                missing.removeAll(cached.keySet());
                String diagnosis = "stored twice " + twice + ", not at the endpoint " + unknown + ", missing "
                        + missing.size() + ", rows " + cache.events().count();
                assertTrue(twice.isEmpty() && unknown.isEmpty() && missing.isEmpty(), diagnosis);
                assertEquals(EVENTS, cache.events().count(), "no event stored twice, none lost: " + diagnosis);
                assertEquals(expected, cached.keySet());
            }
        }
    }

    private Process start(List<String> command, int run) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("run-" + run + ".log").toFile());
        return pb.start();
    }

    /** Waits until the child printed its first progress line; false when it exited first. */
    private static boolean awaitProgress(Process p, Path log) throws Exception {
        while (p.isAlive()) {
            if (Files.exists(log) && Files.readString(log).contains("progress ")) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static long storedCount(Path db) {
        try (Cache cache = Cache.open(db)) {
            return cache.events().count();
        }
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
