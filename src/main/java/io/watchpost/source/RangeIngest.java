package io.watchpost.source;

import io.watchpost.store.AppendResult;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;

/**
 * Reads a time range of one log group with FilterLogEvents, every page, storing each page as it arrives so that
 * whatever was read before an error is kept.
 */
public final class RangeIngest {

    private final CloudWatchLogsClient client;
    private final IngestPipeline pipeline;

    public RangeIngest(CloudWatchLogsClient client, IngestPipeline pipeline) {
        this.client = client;
        this.pipeline = pipeline;
    }

    /**
     * @param startMillis inclusive, or null for the beginning
     * @param endMillis   inclusive, or null for now
     */
    public AppendResult ingest(String logGroup, Long startMillis, Long endMillis) {
        FilterLogEventsRequest request = FilterLogEventsRequest.builder()
                .logGroupName(logGroup).startTime(startMillis).endTime(endMillis).build();
        AppendResult total = AppendResult.NONE;
        // The next page is fetched while this one is normalized and stored.
        try (PrefetchingIterable<FilterLogEventsResponse> pages =
                     new PrefetchingIterable<>(client.filterLogEventsPaginator(request), 2)) {
            for (FilterLogEventsResponse page : pages) {
                if (page.hasEvents() && !page.events().isEmpty()) {
                    total = total.plus(pipeline.storePage(logGroup, page.events(), null));
                }
            }
        } catch (SdkException e) {
            pipeline.metrics().recordError(e.getMessage());
            throw AwsErrors.explain("reading log group " + logGroup, e);
        }
        return total;
    }
}
