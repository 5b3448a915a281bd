package io.watchpost.source;

import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the busy streams of a group: DescribeLogStreams ordered by LastEventTime, newest first, the first
 * {@code streamLanes} that have events at or after {@code activeSince}.
 */
final class LanePlanner {

    /** FilterLogEvents accepts at most this many logStreamNames. */
    static final int MAX_NAMED_STREAMS = 100;
    /** Listing more than this many streams to name them costs more than skipping busy ones client-side. */
    private static final int MAX_LISTED_STREAMS = 500;

    private final PageCalls calls;

    LanePlanner(PageCalls calls) {
        this.calls = calls;
    }

    /**
     * @param nameTheRest true for a backfill (a fixed past range: name the other streams so the FilterLogEvents lane
     *                    carries none of the busy streams' bytes); false when following, where new streams appear
     *                    and the lane must read the whole group
     */
    LanePlan plan(String logGroup, int streamLanes, long activeSince, boolean nameTheRest, GroupTelemetry t,
                  Cancellation c) {
        if (streamLanes <= 0) {
            return LanePlan.FILTER_ONLY;
        }
        List<LogStream> streams = new ArrayList<>();
        String token = null;
        boolean complete = true;
        do {
            DescribeLogStreamsResponse page = calls.describeStreams(DescribeLogStreamsRequest.builder()
                    .logGroupName(logGroup).orderBy(OrderBy.LAST_EVENT_TIME).descending(true).limit(50)
                    .nextToken(token).build(), t, c);
            streams.addAll(page.logStreams());
            token = page.nextToken();
            if (streams.size() >= MAX_LISTED_STREAMS && token != null) {
                complete = false;
                break;
            }
        } while (token != null && nameTheRest);
        if (token != null) {
            complete = false;
        }
        List<String> busy = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (LogStream s : streams) {
            boolean active = s.lastEventTimestamp() != null && s.lastEventTimestamp() >= activeSince;
            if (active && busy.size() < streamLanes) {
                busy.add(s.logStreamName());
            } else {
                rest.add(s.logStreamName());
            }
        }
        boolean name = nameTheRest && complete && rest.size() <= MAX_NAMED_STREAMS;
        return new LanePlan(busy, name ? rest : null);
    }
}
