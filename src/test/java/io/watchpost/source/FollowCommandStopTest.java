package io.watchpost.source;

import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.source.emulator.InputLogEvent;
import io.watchpost.store.Cache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `watchpost ingest --follow` in a child JVM stops on SIGTERM with its events and checkpoint saved. */
class FollowCommandStopTest {

    static final String GROUP = "/follow/cli";

    @TempDir
    Path dir;

    @Test
    void sigtermStopsFollowingCleanlyWithTheCheckpointSaved() throws Exception {
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0))) {
            emu.logs().ensureStream(GROUP, "web-1");
            long now = System.currentTimeMillis();
            emu.logs().putLogEvents(GROUP, "web-1", List.of(new InputLogEvent(now - 1_000, "before start")));
            Path db = dir.resolve("cache");
            Path log = dir.resolve("follow.log");
            ProcessBuilder pb = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                    "-cp", System.getProperty("java.class.path"), "io.watchpost.app.Main", "ingest", "--follow",
                    "--db", db.toString(), "--log-group", GROUP, "--endpoint", emu.endpoint().toString(),
                    "--interval", "0.2", "--status-every", "1");
            pb.redirectErrorStream(true);
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            // The status line shows the events stored so far; wait until both are in.
            emu.logs().putLogEvents(GROUP, "web-1", List.of(new InputLogEvent(System.currentTimeMillis(), "while following")));
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.readString(log).contains("stored 2 ")) {
                assertTrue(p.isAlive(), Files.readString(log));
                assertTrue(System.currentTimeMillis() < deadline, "timed out: " + Files.readString(log));
                Thread.sleep(100);
            }
            p.destroy(); // SIGTERM: the shutdown hook stops the engine and closes the cache
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped");
            String out = Files.readString(log);
            assertTrue(out.contains("following " + GROUP), out);
            assertTrue(!out.contains("Exception"), out);
            try (Cache cache = Cache.open(db)) {
                assertEquals(2, cache.events().count());
                String partition = "follow|" + AwsSettings.embedded(emu.endpoint()).describe() + "|" + GROUP + "|filter";
                LaneCheckpoint cp = LaneCheckpoint.fromJson(cache.events().offset(partition).orElseThrow());
                assertTrue(cp.time() >= now - 1_000, "the checkpoint covers what was stored: " + cp);
            }
        }
    }
}
