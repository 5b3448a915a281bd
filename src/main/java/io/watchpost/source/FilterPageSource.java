package io.watchpost.source;

import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The FilterLogEvents lane: the whole group, or the named streams (at most 100, the API's limit), skipping events
 * of streams another lane owns when the group has too many streams to name.
 */
final class FilterPageSource implements PageSource {

    private final PageCalls calls;
    private final String logGroup;
    private final List<String> streams;
    private final Set<String> skipStreams;
    private final GroupTelemetry telemetry;
    private final Cancellation cancellation;

    /** @param streams the streams to read, or null for the whole group */
    FilterPageSource(PageCalls calls, String logGroup, List<String> streams, Set<String> skipStreams,
                     GroupTelemetry telemetry, Cancellation cancellation) {
        this.calls = calls;
        this.logGroup = logGroup;
        this.streams = streams == null ? null : List.copyOf(streams);
        this.skipStreams = Set.copyOf(skipStreams);
        this.telemetry = telemetry;
        this.cancellation = cancellation;
    }

    @Override
    public String lane() {
        return "filter";
    }

    @Override
    public void read(long from, Long to, PageHandler handler) {
        String token = null;
        do {
            FilterLogEventsRequest.Builder b = FilterLogEventsRequest.builder().logGroupName(logGroup)
                    .startTime(from).endTime(to).nextToken(token);
            if (streams != null) {
                b.logStreamNames(streams);
            }
            FilterLogEventsResponse page = calls.filter(b.build(), telemetry, cancellation);
            List<FilteredLogEvent> events = page.events();
            if (!skipStreams.isEmpty()) {
                events = new ArrayList<>(events);
                events.removeIf(e -> skipStreams.contains(e.logStreamName()));
            }
            // Pages without events still carry a token (AWS stops a page after a bounded scan): keep going.
            if (!events.isEmpty() && !handler.onPage(events)) {
                return;
            }
            token = page.nextToken();
        } while (token != null);
    }
}
