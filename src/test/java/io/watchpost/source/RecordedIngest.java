package io.watchpost.source;

/** For tests outside the package: records on {@link IngestMetrics} what the ingest pipeline would for one page. */
public final class RecordedIngest {

    private RecordedIngest() {
    }

    /** A page of {@code events} read and all of them stored. */
    public static void page(IngestMetrics metrics, int events) {
        metrics.recordPage(events, events * 100L);
        metrics.recordStored(events, 0, 0, 0L);
    }
}
