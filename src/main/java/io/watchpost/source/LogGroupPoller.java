package io.watchpost.source;

import io.watchpost.store.AppendResult;
import io.watchpost.store.EventStore;
import io.watchpost.store.SourceOffset;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows one log group incrementally. Each poll asks FilterLogEvents for everything from the checkpoint (less an
 * overlap window, because CloudWatch makes some events searchable after later ones) up to now, skips what it has
 * already stored, and commits each page together with the advanced checkpoint.
 */
public final class LogGroupPoller {

    private final CloudWatchLogsClient client;
    private final IngestPipeline pipeline;
    private final EventStore store;
    private final String logGroup;
    private final String partition;
    private final Duration overlap;
    private final Duration initialLookback;
    private final Clock clock;

    public LogGroupPoller(CloudWatchLogsClient client, IngestPipeline pipeline, EventStore store, AwsSettings settings,
                          String logGroup, Duration overlap, Duration initialLookback, Clock clock) {
        this.client = client;
        this.pipeline = pipeline;
        this.store = store;
        this.logGroup = logGroup;
        this.partition = "cloudwatch|" + settings.describe() + "|" + logGroup;
        this.overlap = overlap;
        this.initialLookback = initialLookback;
        this.clock = clock;
    }

    public String logGroup() {
        return logGroup;
    }

    /** Reads everything new since the last poll; returns what was stored. */
    public AppendResult pollOnce() {
        long now = clock.millis();
        LogGroupCheckpoint checkpoint = store.offset(partition).map(LogGroupCheckpoint::fromJson)
                .orElseGet(() -> LogGroupCheckpoint.startingAt(now - initialLookback.toMillis()));
        long from = Math.max(0, checkpoint.newestEventTime() - overlap.toMillis());
        FilterLogEventsRequest request = FilterLogEventsRequest.builder().logGroupName(logGroup).startTime(from).build();
        AppendResult total = AppendResult.NONE;
        try {
            for (FilterLogEventsResponse page : client.filterLogEventsPaginator(request)) {
                if (!page.hasEvents() || page.events().isEmpty()) {
                    continue;
                }
                List<FilteredLogEvent> fresh = new ArrayList<>(page.events().size());
                for (FilteredLogEvent e : page.events()) {
                    boolean seenAtNewest = e.timestamp() == checkpoint.newestEventTime()
                            && checkpoint.idsAtNewest().contains(e.eventId());
                    if (!seenAtNewest) {
                        fresh.add(e);
                    }
                }
                checkpoint = advance(checkpoint, page.events());
                total = total.plus(pipeline.storePage(logGroup, fresh, new SourceOffset(partition, checkpoint.toJson())));
            }
        } catch (SdkException e) {
            pipeline.metrics().recordError(e.getMessage());
            throw AwsErrors.explain("polling log group " + logGroup, e);
        }
        return total;
    }

    /** The checkpoint after a page: the newest time seen and every id at that time (older ids are not needed). */
    static LogGroupCheckpoint advance(LogGroupCheckpoint checkpoint, List<FilteredLogEvent> page) {
        long newest = checkpoint.newestEventTime();
        Set<String> ids = new HashSet<>(checkpoint.idsAtNewest());
        for (FilteredLogEvent e : page) {
            long t = e.timestamp();
            if (t > newest) {
                newest = t;
                ids.clear();
            }
            if (t == newest) {
                ids.add(e.eventId());
            }
        }
        return new LogGroupCheckpoint(newest, ids);
    }
}
