package io.watchpost.store;

/**
 * Where the next page starts: the (event time, seq) of the last event shown. Keyset paging: the next page is a range
 * seek on the (event_time, seq) index, equally fast on page 2 and page 20,000 (no OFFSET).
 */
public record PageCursor(long eventTime, long seq) {

    public static PageCursor after(StoredEvent last) {
        return new PageCursor(last.event().eventTime().toEpochMilli(), last.seq());
    }
}
