package io.watchpost.source;

import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.util.List;

/**
 * One lane of a log group: a way to read its events in a time range, page by page, oldest first. A group is
 * read by one FilterLogEvents lane and, for busy streams, one GetLogEvents lane per stream, each with its own
 * checkpoint.
 */
interface PageSource {

    /** Names the lane inside its group's checkpoint partition, e.g. {@code filter} or {@code stream:web-1}. */
    String lane();

    /**
     * Reads [from, to] (both inclusive; to null: up to now), handing each page to {@code handler} until it
     * returns false or the range is exhausted.
     */
    void read(long from, Long to, PageHandler handler);

    interface PageHandler {
        boolean onPage(List<FilteredLogEvent> page);
    }
}
