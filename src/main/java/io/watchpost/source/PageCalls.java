package io.watchpost.source;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Every CloudWatch read goes through here: it waits for the account's {@link RequestBudget}, counts the call and
 * its bytes against the group's telemetry, and retries a whole page on transient failures (after the SDK's own
 * adaptive retries gave up) with jittered exponential backoff, for up to {@code giveUpAfter}. A permanent error
 * (unknown group, access denied) is thrown at once as a {@link SourceException}.
 */
public final class PageCalls {

    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 20_000;

    private final CloudWatchLogsClient client;
    private final RequestBudget budget;
    private final Duration giveUpAfter;

    public PageCalls(CloudWatchLogsClient client, RequestBudget budget, Duration giveUpAfter) {
        this.client = client;
        this.budget = budget;
        this.giveUpAfter = giveUpAfter;
    }

    public FilterLogEventsResponse filter(FilterLogEventsRequest request, GroupTelemetry t, Cancellation c) {
        FilterLogEventsResponse r = call(RequestBudget.FILTER, () -> client.filterLogEvents(request), t, c,
                "reading log group " + request.logGroupName());
        long bytes = 0;
        for (FilteredLogEvent e : r.events()) {
            bytes += e.message() == null ? 0 : e.message().length();
        }
        t.apiCall(bytes, r.events().size());
        return r;
    }

    public GetLogEventsResponse get(GetLogEventsRequest request, GroupTelemetry t, Cancellation c) {
        GetLogEventsResponse r = call(RequestBudget.GET, () -> client.getLogEvents(request), t, c,
                "reading log stream " + request.logStreamName() + " of " + request.logGroupName());
        long bytes = 0;
        for (OutputLogEvent e : r.events()) {
            bytes += e.message() == null ? 0 : e.message().length();
        }
        t.apiCall(bytes, r.events().size());
        return r;
    }

    public DescribeLogStreamsResponse describeStreams(DescribeLogStreamsRequest request, GroupTelemetry t, Cancellation c) {
        DescribeLogStreamsResponse r = call(RequestBudget.DESCRIBE_STREAMS, () -> client.describeLogStreams(request), t, c,
                "listing the streams of " + request.logGroupName());
        t.apiCall(0, 0);
        return r;
    }

    private <T> T call(String api, Supplier<T> request, GroupTelemetry t, Cancellation c, String doing) {
        long deadline = System.currentTimeMillis() + giveUpAfter.toMillis();
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            if (c.isCancelled()) {
                throw new Cancellation.CancelledException();
            }
            try {
                budget.acquire(api);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancellation.CancelledException();
            }
            try {
                return request.get();
            } catch (SdkException e) {
                boolean throttled = TransientErrors.isThrottling(e);
                if (throttled) {
                    t.throttle();
                    budget.throttled(api, backoff);
                } else {
                    t.error(AwsErrors.explain(doing, e).getMessage());
                }
                if (!TransientErrors.isTransient(e) || System.currentTimeMillis() + backoff > deadline) {
                    throw AwsErrors.explain(doing, e);
                }
                // Full jitter: many groups backing off together must not retry in lockstep.
                if (c.sleep(ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1))) {
                    throw new Cancellation.CancelledException();
                }
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }
}
