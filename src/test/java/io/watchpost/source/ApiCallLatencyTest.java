package io.watchpost.source;

import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.store.Cache;
import io.watchpost.store.LatencyRow;
import io.watchpost.store.RollupQueries;
import io.watchpost.store.Rollups;
import io.watchpost.store.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every CloudWatch call the engine makes is timed and reaches the Dashboard's API call latency rollups. */
class ApiCallLatencyTest {

    static final String GROUP = "/api/latency";

    @TempDir
    Path dir;

    @Test
    void eachCallsDurationIsRolledUpPerSecondAndPerMinute() throws Exception {
        long t0 = System.currentTimeMillis() - 600_000;
        long started = System.currentTimeMillis();
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
             Cache cache = Cache.open(dir.resolve("cache"))) {
            SourceEvents.seed(emu.logs(), GROUP, 2, 6_000, t0, 400);
            long calls;
            try (IngestEngine engine = new IngestEngine(AwsSettings.embedded(emu.endpoint()), EngineOptions.defaults().withLiveTail(false),
                    new RequestBudget(ApiQuotas.awsDefaults()), cache.events())) {
                assertEquals(IngestMode.DONE, engine.startBackfill(GROUP, t0, t0 + 6_000, p -> { }).await().state());
                calls = engine.snapshot(GROUP).orElseThrow().apiCalls();
            }
            assertTrue(calls > 1, "the backfill made several calls: " + calls);
            Rollups.catchUp(cache);

            TimeRange window = new TimeRange(started - 1_000, System.currentTimeMillis() + 1_000);
            RollupQueries queries = new RollupQueries(cache);
            List<LatencyRow> perSecond = queries.apiLatency(window, 1_000);
            List<LatencyRow> perMinute = queries.apiLatency(new TimeRange(window.fromMillis() - 60_000, window.toMillis() + 60_000), 60_000);
            assertFalse(perSecond.isEmpty(), "per-second rows");
            // Every page call counted once (the SDK's own retries, none here, would be inside one call).
            assertEquals(calls, perSecond.stream().mapToLong(LatencyRow::events).sum());
            assertEquals(calls, perMinute.stream().mapToLong(LatencyRow::events).sum());
            for (LatencyRow r : perSecond) {
                assertTrue(r.p50Millis() <= r.p95Millis() && r.p95Millis() <= r.maxMillis(), "ordered: " + r);
            }
            assertEquals(perSecond.stream().mapToDouble(LatencyRow::maxMillis).max().orElseThrow(),
                    perMinute.stream().mapToDouble(LatencyRow::maxMillis).max().orElseThrow(), "the same slowest call");

            Rollups.catchUp(cache);
            assertEquals(calls, queries.apiLatency(window, 1_000).stream().mapToLong(LatencyRow::events).sum(), "written once");
        }
    }
}
