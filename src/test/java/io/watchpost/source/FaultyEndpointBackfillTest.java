package io.watchpost.source;

import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.source.emulator.FaultGate;
import io.watchpost.source.emulator.FaultPlan;
import io.watchpost.store.Cache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 30% of read calls throttled and 5% answered 5xx, through the real SDK: the backfill still stores exactly the
 * endpoint's events, through both lanes (FilterLogEvents, and GetLogEvents for busy streams).
 */
class FaultyEndpointBackfillTest {

    static final String PLAIN = "/faulty/filter-only";
    static final String LANED = "/faulty/with-stream-lanes";

    @TempDir
    Path dir;

    @Test
    void backfillUnderThrottlingAndServerErrorsIsExact() throws Exception {
        FaultGate faults = new FaultGate(new FaultPlan(0.30, 0.05, 0, 0, 0, 7));
        long t0 = System.currentTimeMillis() - 3_600_000;
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0), faults);
             Cache cache = Cache.open(dir.resolve("cache"))) {
            // ~2 KB messages: 1 MB pages of ~500 events, so each group takes dozens of calls.
            SourceEvents.seed(emu.logs(), PLAIN, 3, 8_000, t0, 2_000);
            SourceEvents.seed(emu.logs(), LANED, 4, 8_000, t0, 2_000);
            // Generous client quotas: this test is about faults, not about pacing.
            RequestBudget budget = new RequestBudget(new ApiQuotas(50, 50, 50, 50));
            EngineOptions options = EngineOptions.defaults().withLiveTail(false).withGiveUpAfter(Duration.ofMinutes(2));
            try (IngestEngine plain = new IngestEngine(AwsSettings.embedded(emu.endpoint()), options, budget, cache.events());
                 IngestEngine laned = new IngestEngine(AwsSettings.embedded(emu.endpoint()), options.withStreamLanes(2),
                         budget, cache.events())) {
                BackfillJob a = plain.startBackfill(PLAIN, t0, t0 + 8_000, BackfillListener.NONE);
                BackfillJob b = laned.startBackfill(LANED, t0, t0 + 8_000, BackfillListener.NONE);
                assertEquals(IngestMode.DONE, a.await().state());
                assertEquals(IngestMode.DONE, b.await().state());
                GroupSnapshot s = plain.snapshot(PLAIN).orElseThrow();
                assertTrue(s.throttles() + laned.snapshot(LANED).orElseThrow().throttles() > 0
                        || faults.throttled() > 0, "faults were injected");
            }
            assertTrue(faults.throttled() > 10, "throttled " + faults.throttled());
            assertTrue(faults.failed() > 0, "failed " + faults.failed());

            Map<String, Integer> cached = SourceEvents.cachedIds(cache, PLAIN);
            Set<String> expected = SourceEvents.endpointIds(emu.logs(), PLAIN);
            assertEquals(8_000, expected.size());
            assertEquals(expected, cached.keySet(), "the filter-only group holds exactly the endpoint's eventIds");
            assertTrue(cached.values().stream().allMatch(n -> n == 1));

            // GetLogEvents gives no eventIds: compare what each event is instead.
            assertEquals(SourceEvents.endpointContent(emu.logs(), LANED), SourceEvents.cachedContent(cache, LANED));
        }
    }

    @Test
    void slowAndCutResponsesAreRetriedAndTheBackfillIsExact() throws Exception {
        FaultGate faults = new FaultGate(new FaultPlan(0, 0, 0.3, 100, 0.1, 11));
        long t0 = System.currentTimeMillis() - 3_600_000;
        String group = "/faulty/cut";
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0), faults);
             Cache cache = Cache.open(dir.resolve("cache-cut"))) {
            SourceEvents.seed(emu.logs(), group, 2, 6_000, t0, 2_000);
            EngineOptions options = EngineOptions.defaults().withLiveTail(false);
            try (IngestEngine engine = new IngestEngine(AwsSettings.embedded(emu.endpoint()), options,
                    new RequestBudget(new ApiQuotas(50, 50, 50, 50)), cache.events())) {
                assertEquals(IngestMode.DONE, engine.startBackfill(group, null, null, BackfillListener.NONE).await().state());
            }
            assertTrue(faults.cut() > 0 && faults.slowed() > 0, "cut " + faults.cut() + ", slowed " + faults.slowed() + " of " + faults.admitted());
            assertEquals(SourceEvents.endpointIds(emu.logs(), group), SourceEvents.cachedIds(cache, group).keySet());
            assertEquals(6_000, cache.events().count());
        }
    }
}
