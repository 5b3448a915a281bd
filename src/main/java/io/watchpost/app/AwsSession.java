package io.watchpost.app;

import io.watchpost.normalize.Normalizer;
import io.watchpost.source.AwsErrors;
import io.watchpost.source.AwsSettings;
import io.watchpost.source.CloudWatchClients;
import io.watchpost.source.IngestMetrics;
import io.watchpost.source.IngestPipeline;
import io.watchpost.source.LogGroupPoller;
import io.watchpost.source.PollingService;
import io.watchpost.source.SourceException;
import io.watchpost.store.Cache;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real account being watched: the polling engine following the chosen log groups through the AWS SDK into the
 * user's cache, as {@link DemoSession} does for the sample data. Checkpoints live in the cache, so a restart picks
 * up where the last run stopped.
 */
public final class AwsSession implements AutoCloseable {

    /** How often each log group is polled: CloudWatch's FilterLogEvents quota is 5 requests/s per account. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    /** Re-read this far behind the checkpoint on each poll, for events CloudWatch makes searchable late. */
    static final Duration OVERLAP = Duration.ofSeconds(30);
    /** On the very first poll of a log group, start this far back: enough context, not a day of backfill. */
    static final Duration FIRST_LOOKBACK = Duration.ofHours(1);

    private final AwsSettings settings;
    private final List<String> logGroups;
    private final CloudWatchLogsClient client;
    private final Cache cache;
    private final PollingService polling;
    private final IngestMetrics metrics = new IngestMetrics();

    private AwsSession(AwsSettings settings, List<String> logGroups, Path cacheFile, Duration interval) {
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
        IngestPipeline pipeline = new IngestPipeline(new Normalizer(), cache.events(), metrics);
        List<LogGroupPoller> pollers = new ArrayList<>();
        for (String group : this.logGroups) {
            pollers.add(new LogGroupPoller(client, pipeline, cache.events(), settings, group, OVERLAP,
                    FIRST_LOOKBACK, Clock.systemUTC()));
        }
        polling = new PollingService(pollers, interval, metrics);
        polling.start();
    }

    /**
     * Checks the account and the log groups (fails at once with one clear message: no credentials, wrong region,
     * a mistyped group), then opens the cache and starts polling. Blocking: call it off the FX thread.
     */
    public static AwsSession start(AwsSettings settings, List<String> logGroups, Path cacheFile) {
        return start(settings, logGroups, cacheFile, POLL_INTERVAL);
    }

    static AwsSession start(AwsSettings settings, List<String> logGroups, Path cacheFile, Duration interval) {
        if (logGroups.isEmpty()) {
            throw new IllegalArgumentException("no log groups to watch");
        }
        return new AwsSession(settings, logGroups, cacheFile, interval);
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
        return metrics;
    }

    public String describe() {
        return "AWS " + (settings.profile() == null ? "" : settings.profile() + " · ") + settings.region() + " · "
                + (logGroups.size() == 1 ? logGroups.get(0) : logGroups.size() + " log groups");
    }

    /**
     * Stops in dependency order: no more polls (a poll in progress finishes its page, so its checkpoint commits
     * with its events), then the client, then the cache.
     */
    @Override
    public void close() {
        polling.close();
        client.close();
        cache.close();
    }
}
