package io.watchpost.source;

import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.source.emulator.InputLogEvent;
import io.watchpost.store.Cache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Following a group through the real SDK: late events, Live Tail fallback, a clean stop and resume. */
class FollowLateEventsTest {

    static final String GROUP = "/follow/app";

    @TempDir
    Path dir;

    @Test
    void lateEventsWithinTheOverlapAreIngestedOnceAndLiveTailFallsBackToPolling() throws Exception {
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
             Cache cache = Cache.open(dir.resolve("cache"))) {
            emu.logs().ensureStream(GROUP, "web-1");
            emu.logs().ensureStream(GROUP, "web-2");
            long now = System.currentTimeMillis();
            emu.logs().putLogEvents(GROUP, "web-1", List.of(new InputLogEvent(now - 2_000, "on time 1"),
                    new InputLogEvent(now - 1_000, "on time 2")));
            EngineOptions options = EngineOptions.defaults().withPollInterval(Duration.ofMillis(200))
                    .withOverlap(Duration.ofSeconds(20)).withLiveTail(true);
            try (IngestEngine engine = new IngestEngine(AwsSettings.embedded(emu.endpoint()), options,
                    new RequestBudget(ApiQuotas.awsDefaults()), cache.events())) {
                engine.follow(GROUP);
                waitFor(() -> stored(engine) == 2, "the first events");
                // The embedded endpoint has no StartLiveTail: the group must be polled, and say why.
                waitFor(() -> engine.liveTailUnavailableReason(GROUP).isPresent(), "the Live Tail fallback");
                assertEquals(IngestMode.POLLING, engine.mode(GROUP));
                assertTrue(engine.liveTailUnavailableReason(GROUP).orElseThrow().contains("UnknownOperation"),
                        engine.liveTailUnavailableReason(GROUP).orElseThrow());

                // Late: timestamps older than the checkpoint (now - 1 s), within the 20 s overlap, another stream.
                emu.logs().putLogEvents(GROUP, "web-2", List.of(new InputLogEvent(now - 8_000, "late 1"),
                        new InputLogEvent(now - 5_000, "late 2")));
                waitFor(() -> stored(engine) == 4, "the late events");
                emu.logs().putLogEvents(GROUP, "web-1", List.of(new InputLogEvent(System.currentTimeMillis(), "after")));
                waitFor(() -> stored(engine) == 5, "a later event");
                long calls = engine.snapshot(GROUP).orElseThrow().apiCalls();
                waitFor(() -> engine.snapshot(GROUP).orElseThrow().apiCalls() > calls + 5, "more polls over the overlap");

                GroupSnapshot s = engine.snapshot(GROUP).orElseThrow();
                assertEquals(5, s.eventsStored());
                assertTrue(s.eventsRead() > 5, "the overlap re-reads events: " + s.eventsRead());
                assertTrue(s.latencyP95Millis() >= 0 && s.lagMillis() >= 0);
                assertFalse(s.history().isEmpty());
            }
            Map<String, Integer> cached = SourceEvents.cachedIds(cache, GROUP);
            assertEquals(SourceEvents.endpointIds(emu.logs(), GROUP), cached.keySet());
            assertTrue(cached.values().stream().allMatch(n -> n == 1), "each event once");

            // A restart resumes from the committed checkpoint and re-reads the overlap without storing anything twice.
            emu.logs().putLogEvents(GROUP, "web-2", List.of(new InputLogEvent(now - 3_000, "late while stopped")));
            try (IngestEngine engine = new IngestEngine(AwsSettings.embedded(emu.endpoint()), options.withLiveTail(false),
                    new RequestBudget(ApiQuotas.awsDefaults()), cache.events())) {
                engine.follow(GROUP);
                waitFor(() -> stored(engine) == 1, "the event that arrived while stopped");
                assertNotNull(engine.snapshot(GROUP).orElseThrow());
            }
            assertEquals(6, cache.events().count());
            assertEquals(SourceEvents.endpointIds(emu.logs(), GROUP), SourceEvents.cachedIds(cache, GROUP).keySet());
        }
    }

    private static long stored(IngestEngine engine) {
        return engine.snapshot(GROUP).map(GroupSnapshot::eventsStored).orElse(0L);
    }

    /** Waits for a condition; the deadline is generous because this asserts behaviour, not speed. */
    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
