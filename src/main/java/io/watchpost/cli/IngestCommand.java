package io.watchpost.cli;

import io.watchpost.source.ApiQuotas;
import io.watchpost.source.AwsSettings;
import io.watchpost.source.BackfillJob;
import io.watchpost.source.BackfillProgress;
import io.watchpost.source.EngineOptions;
import io.watchpost.source.GroupSnapshot;
import io.watchpost.source.IngestEngine;
import io.watchpost.source.IngestMode;
import io.watchpost.source.RequestBudget;
import io.watchpost.source.SourceException;
import io.watchpost.store.Cache;
import io.watchpost.store.RollupUpdater;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read log groups from CloudWatch Logs through the AWS SDK, normalize and cache the events.",
                "Without --follow: reads the range and prints one line; an interrupted range resumes where it stopped.",
                "With --follow: follows the groups until Ctrl-C, which stops cleanly with checkpoints saved."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    CacheOption cache;

    @Option(names = "--log-group", required = true, paramLabel = "NAME", description = "Log group to read; repeatable.")
    List<String> logGroups;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Endpoint override, e.g. the embedded endpoint http://127.0.0.1:4566.")
    URI endpoint;

    @Option(names = "--region", paramLabel = "R", description = "AWS region (default: us-east-1).")
    String region;

    @Option(names = "--profile", paramLabel = "P", description = "Named profile from ~/.aws/config (default: the SDK's default chain).")
    String profile;

    @Option(names = "--start", paramLabel = "T", converter = TimeArgument.class,
            description = "Range start, inclusive: ISO-8601 or epoch milliseconds (default: the beginning).")
    Instant start;

    @Option(names = "--end", paramLabel = "T", converter = TimeArgument.class,
            description = "Range end, inclusive: ISO-8601 or epoch milliseconds (default: now).")
    Instant end;

    @Option(names = "--follow", description = "Follow the groups (Live Tail where available, else polling) until interrupted.")
    boolean follow;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between polls of a followed group (default: ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--overlap", paramLabel = "SECONDS", defaultValue = "30",
            description = "Each poll re-reads this many seconds before its checkpoint, for late events (default: ${DEFAULT-VALUE}).")
    double overlapSeconds;

    @Option(names = "--lookback", paramLabel = "MINUTES", defaultValue = "5",
            description = "Where following starts for a group never read before (default: ${DEFAULT-VALUE} minutes back).")
    double lookbackMinutes;

    @Option(names = "--stream-lanes", paramLabel = "N", defaultValue = "0",
            description = "Busy streams per group read with GetLogEvents beside FilterLogEvents (default: ${DEFAULT-VALUE}).")
    int streamLanes;

    @Option(names = "--filter-rate", paramLabel = "PER_S", defaultValue = "5",
            description = "FilterLogEvents requests/s for this account and region (default: ${DEFAULT-VALUE}, AWS's quota).")
    double filterRate;

    @Option(names = "--get-rate", paramLabel = "PER_S", defaultValue = "10",
            description = "GetLogEvents requests/s (default: ${DEFAULT-VALUE}, AWS's quota).")
    double getRate;

    @Option(names = "--no-live-tail", description = "Poll only; do not try StartLiveTail.")
    boolean noLiveTail;

    @Option(names = "--status-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "With --follow, print a status line per group this often; 0: never (default: ${DEFAULT-VALUE}).")
    int statusEvery;

    @Option(names = "--progress", description = "Print a backfill progress line to stderr after every page.")
    boolean progress;

    @Override
    public Integer call() throws InterruptedException {
        AwsSettings settings = new AwsSettings(endpoint, region, profile);
        EngineOptions options = EngineOptions.defaults()
                .withPollInterval(Duration.ofMillis((long) (intervalSeconds * 1000)))
                .withOverlap(Duration.ofMillis((long) (overlapSeconds * 1000)))
                .withInitialLookback(Duration.ofMillis((long) (lookbackMinutes * 60_000)))
                .withStreamLanes(streamLanes)
                .withLiveTail(!noLiveTail && follow);
        RequestBudget budget = new RequestBudget(ApiQuotas.awsDefaults().withFilterLogEvents(filterRate).withGetLogEvents(getRate));
        long began = System.nanoTime();
        Cache db = Cache.open(cache.path());
        IngestEngine engine;
        // As in the app: the rollups (the Dashboard's, and the action counts the Explorer's action filters read) follow
        // what is stored from the batches in hand, instead of reading it all back on the next open.
        RollupUpdater rollups = new RollupUpdater(db, Duration.ofSeconds(1));
        try {
            engine = new IngestEngine(settings, options, budget, db.events());
        } catch (RuntimeException e) {
            rollups.close();
            db.close();
            throw e;
        }
        AtomicBoolean closed = new AtomicBoolean();
        CountDownLatch interrupted = new CountDownLatch(1);
        Runnable closeAll = () -> {
            if (closed.compareAndSet(false, true)) {
                engine.close(); // waits for in-flight pages to commit with their checkpoints
                rollups.close();
                db.close();
            }
        };
        // SIGINT/SIGTERM: stop the engine and close the cache before the JVM halts (a SIGKILL needs no help: each
        // page commits atomically with its checkpoint).
        Thread hook = new Thread(() -> {
            interrupted.countDown();
            closeAll.run();
        }, "watchpost-ingest-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return follow ? follow(engine, interrupted) : backfill(engine, began);
        } finally {
            if (interrupted.getCount() > 0) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook closes everything
                }
                closeAll.run();
            }
        }
    }

    private int backfill(IngestEngine engine, long began) {
        try {
            for (String group : logGroups) {
                BackfillJob job = engine.startBackfill(group, start == null ? null : start.toEpochMilli(),
                        end == null ? null : end.toEpochMilli(), p -> {
                            if (progress && !p.finished()) {
                                System.err.printf(Locale.ROOT, "progress %s: %d events, %.1f%% of the range, eta %s%n",
                                        p.logGroup(), p.eventsDone(), p.coveredShare() * 100,
                                        p.etaMillis() < 0 ? "-" : (p.etaMillis() / 1000) + " s");
                            }
                        });
                BackfillProgress p = job.await();
                if (p.state() == IngestMode.STOPPED) {
                    System.err.println("watchpost ingest: stopped; run the same command again to resume");
                    System.out.println(summary(engine, began) + " (stopped)");
                    return 1;
                }
            }
        } catch (SourceException e) {
            System.err.println("watchpost ingest: " + e.getMessage());
            System.err.println(summary(engine, began) + " (kept)");
            return 1;
        }
        System.out.println(summary(engine, began));
        return 0;
    }

    private int follow(IngestEngine engine, CountDownLatch interrupted) throws InterruptedException {
        for (String group : logGroups) {
            try {
                engine.follow(group);
            } catch (SourceException e) {
                System.err.println("watchpost ingest: " + e.getMessage());
                return 1;
            }
        }
        System.out.println("following " + String.join(", ", logGroups) + " (Ctrl-C stops with checkpoints saved)");
        System.out.flush();
        while (!interrupted.await(statusEvery <= 0 ? 3600 : statusEvery, TimeUnit.SECONDS)) {
            if (statusEvery > 0) {
                for (GroupSnapshot s : engine.snapshots()) {
                    System.out.println(s.statusLine());
                }
                System.out.flush();
            }
        }
        return 0;
    }

    private static String summary(IngestEngine engine, long began) {
        long read = 0;
        long stored = 0;
        long duplicates = 0;
        for (GroupSnapshot s : engine.snapshots()) {
            read += s.eventsRead();
            stored += s.eventsStored();
            duplicates += s.duplicates();
        }
        return String.format(Locale.ROOT, "read %d events, stored %d, duplicates %d, %.2f s",
                read, stored, duplicates, (System.nanoTime() - began) / 1e9);
    }
}
