package io.watchpost.app;

import io.watchpost.normalize.Normalizer;
import io.watchpost.source.AwsSettings;
import io.watchpost.source.CloudWatchClients;
import io.watchpost.source.IngestMetrics;
import io.watchpost.source.IngestPipeline;
import io.watchpost.source.LogGroupPoller;
import io.watchpost.source.PollingService;
import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.source.emulator.SampleData;
import io.watchpost.source.emulator.SampleDataReplay;
import io.watchpost.store.Cache;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo a new user sees: the embedded CloudWatch Logs endpoint serving the bundled sample data as live log groups,
 * followed by the same polling engine a real account gets, through the real SDK client, into a demo cache of its own
 * (so demo events never mix with a real cache).
 */
public final class DemoSession implements AutoCloseable {

    /** How often each log group is polled; small, so an event shows within about a second of landing. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** Re-read this far behind the checkpoint on each poll, for events CloudWatch makes searchable late. */
    static final Duration OVERLAP = Duration.ofSeconds(10);

    private final CloudWatchLogsEmulator emulator;
    private final SampleDataReplay replay;
    private final Cache cache;
    private final CloudWatchLogsClient client;
    private final PollingService polling;
    private final IngestMetrics metrics = new IngestMetrics();

    private DemoSession(Path cacheFile) throws IOException {
        emulator = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
        replay = new SampleDataReplay(emulator.logs(), SampleData.bundled(), Clock.systemUTC());
        replay.start();
        cache = Cache.open(cacheFile);
        AwsSettings settings = AwsSettings.embedded(emulator.endpoint());
        client = CloudWatchClients.create(settings);
        IngestPipeline pipeline = new IngestPipeline(new Normalizer(), cache.events(), metrics);
        List<LogGroupPoller> pollers = new ArrayList<>();
        for (String group : emulator.logs().logGroupNames()) {
            pollers.add(new LogGroupPoller(client, pipeline, cache.events(), settings, group, OVERLAP,
                    Duration.ofDays(1), Clock.systemUTC()));
        }
        polling = new PollingService(pollers, POLL_INTERVAL, metrics);
        polling.start();
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

    public IngestMetrics metrics() {
        return metrics;
    }

    public String describe() {
        return "Demo: sample data live from the embedded CloudWatch Logs endpoint " + emulator.endpoint();
    }

    /** Stops in dependency order: no more polls, then the client, the cache, the replay and the endpoint. */
    @Override
    public void close() {
        polling.close();
        client.close();
        cache.close();
        replay.close();
        emulator.close();
    }
}
