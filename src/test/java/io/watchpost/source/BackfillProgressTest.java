package io.watchpost.source;

import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.store.Cache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backfill reports progress, stops when cancelled with its checkpoint saved, and resumes there. */
class BackfillProgressTest {

    static final String GROUP = "/backfill/progress";

    @TempDir
    Path dir;

    @Test
    void cancelledBackfillResumesWhereItStoppedAndReportsProgress() throws Exception {
        long t0 = System.currentTimeMillis() - 3_600_000;
        int n = 20_000;
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
             Cache cache = Cache.open(dir.resolve("cache"))) {
            SourceEvents.seed(emu.logs(), GROUP, 2, n, t0, 400); // ~2,600 events a page: ~8 pages
            // One FilterLogEvents a second: the cancel lands long before the end.
            RequestBudget slow = new RequestBudget(ApiQuotas.awsDefaults().withFilterLogEvents(1));
            EngineOptions options = EngineOptions.defaults().withLiveTail(false);
            List<BackfillProgress> seen = new CopyOnWriteArrayList<>();
            BackfillProgress stopped;
            try (IngestEngine engine = new IngestEngine(AwsSettings.embedded(emu.endpoint()), options, slow, cache.events())) {
                BackfillJob[] job = new BackfillJob[1];
                job[0] = engine.startBackfill(GROUP, t0, t0 + n - 1, p -> {
                    seen.add(p);
                    if (p.eventsDone() > 0 && job[0] != null) {
                        job[0].cancel();
                    }
                });
                stopped = job[0].await();
            }
            assertEquals(IngestMode.STOPPED, stopped.state());
            assertTrue(stopped.eventsDone() > 0 && stopped.eventsDone() < n, "stopped part-way: " + stopped);
            assertTrue(stopped.coveredShare() > 0 && stopped.coveredShare() < 1, "share " + stopped.coveredShare());
            assertEquals(stopped.eventsDone(), cache.events().count(), "what it reports is what is stored");
            assertTrue(seen.stream().anyMatch(p -> p.state() == IngestMode.BACKFILL && p.etaMillis() >= 0), "an ETA");

            List<BackfillProgress> resumed = new CopyOnWriteArrayList<>();
            try (IngestEngine engine = new IngestEngine(AwsSettings.embedded(emu.endpoint()), options,
                    new RequestBudget(ApiQuotas.awsDefaults()), cache.events())) {
                BackfillProgress done = engine.startBackfill(GROUP, t0, t0 + n - 1, resumed::add).await();
                assertEquals(IngestMode.DONE, done.state());
                assertEquals(n, done.eventsDone());
                assertEquals(1.0, done.coveredShare());
                GroupSnapshot s = engine.snapshot(GROUP).orElseThrow();
                assertEquals(n - stopped.eventsDone(), s.eventsStored(), "the resumed run stored only the rest");
                assertEquals(IngestMode.DONE, s.mode());
            }
            for (int i = 1; i < resumed.size(); i++) {
                assertTrue(resumed.get(i).eventsDone() >= resumed.get(i - 1).eventsDone(), "progress never goes back");
            }
            assertTrue(resumed.get(0).eventsDone() >= stopped.eventsDone(), "resumed from where it stopped");
            assertEquals(SourceEvents.endpointIds(emu.logs(), GROUP), SourceEvents.cachedIds(cache, GROUP).keySet());
        }
    }
}
