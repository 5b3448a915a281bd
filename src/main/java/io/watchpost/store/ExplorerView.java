package io.watchpost.store;

/** What the Explorer shows first for a filter and range: the first page and the histogram (whose total is the count). */
public record ExplorerView(EventPage firstPage, Histogram histogram) {

    public long count() {
        return histogram.total();
    }
}
