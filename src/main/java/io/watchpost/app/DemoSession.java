package io.watchpost.app;

import io.watchpost.source.ApiQuotas;
import io.watchpost.source.AwsSettings;
import io.watchpost.source.EngineOptions;
import io.watchpost.source.IngestEngine;
import io.watchpost.source.IngestMetrics;
import io.watchpost.source.RequestBudget;
import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.source.emulator.SampleData;
import io.watchpost.source.emulator.SampleDataReplay;
import io.watchpost.store.Cache;
import io.watchpost.store.TeamState;
import io.watchpost.ui.Workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The demo a new user sees: the embedded CloudWatch Logs endpoint serving the bundled sample data as live log groups,
 * followed by the same polling engine a real account gets, through the real SDK client, into a demo cache of its own
 * (so demo events never mix with a real cache).
 */
public final class DemoSession implements AutoCloseable {

    /**
     * How the demo follows its groups: polled every second (so an event shows within about a second of landing),
     * re-reading 10 s behind the checkpoint for late events, and reading a day back on first start to take in the
     * replayed history.
     */
    static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withPollInterval(Duration.ofSeconds(1))
            .withOverlap(Duration.ofSeconds(10))
            .withInitialLookback(Duration.ofDays(1));

    private final CloudWatchLogsEmulator emulator;
    private final SampleDataReplay replay;
    private final Cache cache;
    private final IngestEngine engine;
    private final DetectionSession detection;

    private DemoSession(Path cacheFile) throws IOException {
        emulator = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
        replay = new SampleDataReplay(emulator.logs(), SampleData.bundled(), Clock.systemUTC());
        replay.start();
        cache = Cache.open(cacheFile);
        engine = new IngestEngine(AwsSettings.embedded(emulator.endpoint()), OPTIONS,
                new RequestBudget(ApiQuotas.awsDefaults()), cache.events());
        for (String group : emulator.logs().logGroupNames()) {
            engine.follow(group);
        }
        detection = new DetectionSession(cache, cacheFile.resolveSibling("demo-rules"), TeamState.LOCAL_ONLY);
    }

    /** Starts a demo on a fresh cache at {@code cacheFile} (an earlier demo's cache there is discarded). */
    public static DemoSession start(Path cacheFile) {
        try {
            for (String suffix : new String[]{".mv.db", ".trace.db"}) {
                Files.deleteIfExists(cacheFile.resolveSibling(cacheFile.getFileName() + suffix));
            }
            return new DemoSession(cacheFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the demo", e);
        }
    }

    public Cache cache() {
        return cache;
    }

    public IngestEngine engine() {
        return engine;
    }

    public IngestMetrics metrics() {
        return engine.metrics();
    }

    public String describe() {
        return "Demo: sample data live from the embedded CloudWatch Logs endpoint " + emulator.endpoint();
    }

    /** Stops in dependency order: the engine (in-flight pages commit with their checkpoints), the cache, the replay, the endpoint. */
    /** The engines behind the Sources, Rules and Alerts tabs. */
    public Workbench workbench() {
        return detection.workbench(engine, null); // demo events are never pushed to a team database
    }

    @Override
    public void close() {
        engine.close();
        detection.close();
        cache.close();
        replay.close();
        emulator.close();
    }
}
