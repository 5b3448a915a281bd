package io.watchpost.source;

import io.watchpost.background.BackgroundThreads;
import io.watchpost.normalize.Normalizer;
import io.watchpost.store.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Ingestion of one AWS source (endpoint, region, credentials) into the cache: follow log groups (Live Tail where
 * available, polling otherwise) and backfill time ranges, all under one {@link RequestBudget}. Thread-safe. A
 * Sources view drives it with {@link #follow}, {@link #startBackfill}, {@link #unfollow} and {@link #stop}, and
 * observes it by polling {@link #snapshots()} (immutable, one per group) and through {@link BackfillListener}s.
 *
 * <pre>{@code
 * try (IngestEngine engine = new IngestEngine(settings, EngineOptions.defaults(),
 *         new RequestBudget(ApiQuotas.awsDefaults()), cache.events())) {
 *     engine.follow("/aws/cloudtrail/management");
 *     BackfillJob job = engine.startBackfill("/app/orders", start, end, progress -> ...);
 * }
 * }</pre>
 */
public final class IngestEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestEngine.class);
    private static final long STOP_TIMEOUT_MS = 60_000;

    private final AwsSettings settings;
    private final EngineOptions options;
    private final CloudWatchLogsClient client;
    private final PageCalls calls;
    private final LaneStore laneStore;
    private final IngestPipeline pipeline;
    private final Clock clock;
    private final String sourceKey;
    private final ExecutorService executor;
    private final Map<String, GroupTelemetry> telemetry = new ConcurrentHashMap<>();
    private final Map<String, GroupFollower> followers = new ConcurrentHashMap<>();
    private final List<Cancellation> backfills = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<BackfillProgress>> backfillResults = new CopyOnWriteArrayList<>();
    private volatile CloudWatchLogsAsyncClient asyncClient;
    private volatile boolean stopped;

    public IngestEngine(AwsSettings settings, EngineOptions options, RequestBudget budget, EventStore store) {
        this(settings, options, budget, store,
                CloudWatchClients.create(settings, new ApiCallTimer(store.apiCalls(), System::currentTimeMillis)), Clock.systemUTC());
    }

    IngestEngine(AwsSettings settings, EngineOptions options, RequestBudget budget, EventStore store,
                 CloudWatchLogsClient client, Clock clock) {
        this.settings = settings;
        this.options = options;
        this.client = client;
        this.clock = clock;
        this.calls = new PageCalls(client, budget, options.giveUpAfter());
        this.pipeline = new IngestPipeline(new Normalizer(), store, new IngestMetrics());
        this.laneStore = new LaneStore(pipeline, store);
        this.sourceKey = settings.describe() + (settings.profile() == null ? "" : "|profile=" + settings.profile());
        this.executor = Executors.newCachedThreadPool(BackgroundThreads.numbered("watchpost-ingest"));
    }

    public AwsSettings settings() {
        return settings;
    }

    /** Starts following a group (no-op when already followed). Its mode shows POLLING or LIVE_TAIL. */
    public void follow(String logGroup) {
        if (stopped) {
            throw new IllegalStateException("the engine is stopped");
        }
        GroupFollower f = new GroupFollower(sourceKey, logGroup, calls, laneStore, telemetryOf(logGroup), options, clock);
        if (followers.putIfAbsent(logGroup, f) != null) {
            return;
        }
        try {
            f.start(executor, this::liveTailFor);
        } catch (RuntimeException e) {
            followers.remove(logGroup, f);
            telemetryOf(logGroup).mode(IngestMode.FAILED);
            throw e;
        }
    }

    /** Stops following a group after its in-flight pages commit. */
    public void unfollow(String logGroup) {
        GroupFollower f = followers.remove(logGroup);
        if (f != null) {
            f.requestStop();
            f.awaitStopped(STOP_TIMEOUT_MS);
        }
    }

    /**
     * Starts reading [start, end] of a group in the background (start null: the beginning; end null: now, and a
     * later run continues from where this one got). The same range started again, even after a crash, resumes.
     */
    public BackfillJob startBackfill(String logGroup, Long start, Long end, BackfillListener listener) {
        if (stopped) {
            throw new IllegalStateException("the engine is stopped");
        }
        Cancellation cancellation = new Cancellation();
        GroupTelemetry t = telemetryOf(logGroup);
        CompletableFuture<BackfillProgress> result = new CompletableFuture<>();
        BackfillJob[] job = new BackfillJob[1];
        Backfill backfill = new Backfill(sourceKey, logGroup, start, end, calls, laneStore, t, options.streamLanes(),
                p -> {
                    job[0].update(p);
                    listener.onProgress(p);
                }, cancellation, clock, executor);
        job[0] = new BackfillJob(cancellation, result, new BackfillProgress(logGroup, start == null ? 0 : start,
                end == null ? clock.millis() : end, 0, 0, -1, IngestMode.BACKFILL, null));
        backfills.add(cancellation);
        backfillResults.add(result);
        executor.submit(() -> {
            try {
                BackfillProgress done = backfill.run();
                listener.onProgress(done);
                result.complete(done);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                backfills.remove(cancellation);
            }
        });
        return job[0];
    }

    /** Every group this engine has touched, as immutable snapshots. */
    public List<GroupSnapshot> snapshots() {
        List<GroupSnapshot> out = new ArrayList<>();
        for (GroupTelemetry t : telemetry.values()) {
            out.add(t.snapshot());
        }
        out.sort(java.util.Comparator.comparing(GroupSnapshot::logGroup));
        return out;
    }

    public Optional<GroupSnapshot> snapshot(String logGroup) {
        GroupTelemetry t = telemetry.get(logGroup);
        return t == null ? Optional.empty() : Optional.of(t.snapshot());
    }

    /** Whether any group is being read now: followed (starting, Live Tail, polling) or backfilling. */
    public boolean ingesting() {
        for (GroupTelemetry t : telemetry.values()) {
            switch (t.mode()) {
                case STARTING, LIVE_TAIL, POLLING, BACKFILL -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    public IngestMode mode(String logGroup) {
        GroupTelemetry t = telemetry.get(logGroup);
        return t == null ? IngestMode.STARTING : t.mode();
    }

    /** Why a followed group polls instead of using Live Tail (null while Live Tail is in use or starting). */
    public Optional<String> liveTailUnavailableReason(String logGroup) {
        GroupFollower f = followers.get(logGroup);
        return f == null ? Optional.empty() : Optional.ofNullable(f.liveTailUnavailableReason());
    }

    /** The running totals a window samples for its charts and status bar. */
    public IngestMetrics metrics() {
        return pipeline.metrics();
    }

    /** Totals over all groups since the engine started. */
    public IngestMetrics.Snapshot totals() {
        return pipeline.metrics().snapshot();
    }

    /**
     * Stops everything and waits until every in-flight page has committed with its checkpoint (at most a minute),
     * so whatever was read is saved and the next start resumes exactly there. Safe to call from a shutdown hook.
     */
    public void stop() {
        stopped = true;
        for (Cancellation c : backfills) {
            c.cancel();
        }
        for (GroupFollower f : followers.values()) {
            f.requestStop();
        }
        for (GroupFollower f : followers.values()) {
            f.awaitStopped(STOP_TIMEOUT_MS);
        }
        for (CompletableFuture<BackfillProgress> r : backfillResults) {
            try {
                r.get(STOP_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // failed or timed out: its last committed checkpoint stands
            }
        }
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
        CloudWatchLogsAsyncClient a = asyncClient;
        if (a != null) {
            a.close();
        }
        client.close();
    }

    private GroupTelemetry telemetryOf(String logGroup) {
        return telemetry.computeIfAbsent(logGroup, g -> new GroupTelemetry(g, clock));
    }

    private LiveTailWatcher liveTailFor(GroupFollower follower) {
        if (!options.liveTail()) {
            return null;
        }
        String arn;
        try {
            arn = groupArn(follower.logGroup());
        } catch (SdkException | SourceException e) {
            LOG.info("{}: no ARN for Live Tail ({}); polling", follower.logGroup(), e.getMessage());
            return null;
        }
        if (arn == null) {
            return null;
        }
        CloudWatchLogsAsyncClient async;
        try {
            async = asyncClient();
        } catch (RuntimeException e) {
            // No async HTTP client on the class path (netty-nio-client): polling only.
            LOG.info("Live Tail unavailable: {}", e.getMessage());
            return null;
        }
        return new LiveTailWatcher(async, arn, follower.telemetry(), follower::wakeAll, follower.cancellation());
    }

    /** Live Tail wants the ARN without the ":*" suffix DescribeLogGroups' older field carries. */
    private String groupArn(String logGroup) {
        for (LogGroup g : client.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(logGroup)).logGroups()) {
            if (g.logGroupName().equals(logGroup)) {
                if (g.logGroupArn() != null) {
                    return g.logGroupArn();
                }
                return g.arn() == null ? null : g.arn().replaceFirst(":\\*$", "");
            }
        }
        return null;
    }

    private synchronized CloudWatchLogsAsyncClient asyncClient() {
        if (asyncClient == null) {
            asyncClient = CloudWatchClients.createAsync(settings);
        }
        return asyncClient;
    }
}
