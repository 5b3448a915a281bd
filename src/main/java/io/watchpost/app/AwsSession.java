package io.watchpost.app;

import io.watchpost.source.ApiQuotas;
import io.watchpost.source.AwsErrors;
import io.watchpost.source.AwsSettings;
import io.watchpost.source.CloudWatchClients;
import io.watchpost.source.EngineOptions;
import io.watchpost.source.IngestEngine;
import io.watchpost.source.IngestMetrics;
import io.watchpost.source.RequestBudget;
import io.watchpost.source.SourceException;
import io.watchpost.store.Cache;
import io.watchpost.store.DataDirectories;
import io.watchpost.sync.SharedObjectStore;
import io.watchpost.sync.SyncSettingsFile;
import io.watchpost.sync.Workstation;
import io.watchpost.ui.Workbench;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real account being watched: the polling engine following the chosen log groups through the AWS SDK into the
 * user's cache, as {@link DemoSession} does for the sample data. Checkpoints live in the cache, so a restart picks
 * up where the last run stopped.
 */
public final class AwsSession implements AutoCloseable {

    /** How often each log group is polled; the engine's request budget keeps all groups within CloudWatch's quotas. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    /** On the very first poll of a log group, start this far back: enough context, not a day of backfill. */
    static final Duration FIRST_LOOKBACK = Duration.ofHours(1);

    private final AwsSettings settings;
    private final List<String> logGroups;
    private final CloudWatchLogsClient client;
    private final Cache cache;
    private final IngestEngine engine;
    private final DetectionSession detection;
    private final SyncSession sync;

    private AwsSession(AwsSettings settings, List<String> logGroups, Path cacheFile, Duration interval,
                       SyncSettingsFile syncSettings) {
        this.settings = settings;
        this.logGroups = List.copyOf(logGroups);
        client = CloudWatchClients.create(settings);
        try {
            checkLogGroupsExist();
            cache = Cache.open(cacheFile);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        // The check above used its own client; the engine builds the one it ingests through.
        client.close();
        engine = new IngestEngine(settings, EngineOptions.defaults().withPollInterval(interval)
                .withInitialLookback(FIRST_LOOKBACK), new RequestBudget(ApiQuotas.awsDefaults()), cache.events());
        for (String group : this.logGroups) {
            engine.follow(group);
        }
        // Team state is recorded from the start, synced or not: settings saved later push what was done before.
        SharedObjectStore team = new SharedObjectStore(cache.dataSource(), Workstation.origin());
        detection = new DetectionSession(cache, DataDirectories.userDataDir().resolve("rules"), team);
        team.replayToSubscribers();
        sync = new SyncSession(cache, team, syncSettings);
    }

    /**
     * Checks the account and the log groups (fails at once with one clear message: no credentials, wrong region,
     * a mistyped group), then opens the cache and starts polling. Blocking: call it off the FX thread.
     */
    public static AwsSession start(AwsSettings settings, List<String> logGroups, Path cacheFile) {
        return start(settings, logGroups, cacheFile, POLL_INTERVAL);
    }

    static AwsSession start(AwsSettings settings, List<String> logGroups, Path cacheFile, Duration interval) {
        return start(settings, logGroups, cacheFile, interval, SyncSettingsFile.inUserDataDir());
    }

    /** {@code syncSettings}: where team sync settings are saved; sync runs when the file holds some. */
    static AwsSession start(AwsSettings settings, List<String> logGroups, Path cacheFile, Duration interval,
                            SyncSettingsFile syncSettings) {
        if (logGroups.isEmpty()) {
            throw new IllegalArgumentException("no log groups to watch");
        }
        return new AwsSession(settings, logGroups, cacheFile, interval, syncSettings);
    }

    /** One DescribeLogGroups per group (by prefix; an exact match must be among the results). */
    private void checkLogGroupsExist() {
        List<String> missing = new ArrayList<>();
        for (String group : logGroups) {
            try {
                boolean found = client.describeLogGroupsPaginator(DescribeLogGroupsRequest.builder()
                                .logGroupNamePrefix(group).build())
                        .logGroups().stream().map(LogGroup::logGroupName).anyMatch(group::equals);
                if (!found) {
                    missing.add(group);
                }
            } catch (SdkException e) {
                throw AwsErrors.explain("checking log group " + group + " in " + settings.region(), e);
            }
        }
        if (!missing.isEmpty()) {
            throw new SourceException("no such log group in " + settings.region() + ": " + String.join(", ", missing),
                    null);
        }
    }

    public Cache cache() {
        return cache;
    }

    public IngestMetrics metrics() {
        return engine.metrics();
    }

    public String describe() {
        return "AWS " + (settings.profile() == null ? "" : settings.profile() + " · ") + settings.region() + " · "
                + (logGroups.size() == 1 ? logGroups.get(0) : logGroups.size() + " log groups");
    }

    /**
     * Stops in dependency order: the engine (a page in flight commits with its checkpoint), then the cache.
     */
    /** The engines behind the Sources, Rules and Alerts tabs. */
    public Workbench workbench() {
        return detection.workbench(engine, sync);
    }

    @Override
    public void close() {
        engine.close();
        detection.close();
        sync.close();
        cache.close();
    }
}
