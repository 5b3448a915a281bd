package io.watchpost.source;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.store.AppendResult;
import io.watchpost.store.EncodedEvent;
import io.watchpost.store.EventStore;
import io.watchpost.store.SourceOffset;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of CloudWatch events → normalized → cached, with the source's offset in the same transaction. The two
 * halves are separate so that a lane can prepare page N+1 on one thread while page N is written on another.
 */
public final class IngestPipeline {

    private final Normalizer normalizer;
    private final EventStore store;
    private final IngestMetrics metrics;

    public IngestPipeline(Normalizer normalizer, EventStore store, IngestMetrics metrics) {
        this.normalizer = normalizer;
        this.store = store;
        this.metrics = metrics;
    }

    /** Normalizes and encodes a page; touches nothing shared, so any thread may call it. */
    public PreparedPage prepare(String logGroup, List<FilteredLogEvent> page) {
        List<EncodedEvent> encoded = new ArrayList<>(page.size());
        int parseErrors = 0;
        for (FilteredLogEvent f : page) {
            String message = f.message() == null ? "" : f.message();
            Event e = normalizer.normalize(new RawLogEvent(logGroup, f.logStreamName(), f.eventId(),
                    f.timestamp() == null ? 0 : f.timestamp(), f.ingestionTime() == null ? 0 : f.ingestionTime(), message));
            parseErrors += e.hasParseError() ? 1 : 0;
            encoded.add(EncodedEvent.of(e));
        }
        return new PreparedPage(page, encoded, parseErrors);
    }

    /** Stores a prepared page (or the part of one that is new) with the offset that covers it, in one transaction. */
    public AppendResult store(PreparedPage page, SourceOffset offset) {
        metrics.recordPage(page.size(), page.messageChars());
        AppendResult result = store.appendEncoded(page.encoded(), offset);
        long now = System.currentTimeMillis();
        long latencySum = 0;
        for (EncodedEvent e : page.encoded()) {
            latencySum += Math.max(0, now - e.event().eventTime().toEpochMilli());
        }
        metrics.recordStored(result.stored(), result.duplicates(), page.parseErrors(),
                result.stored() == 0 ? 0 : latencySum);
        return result;
    }

    public AppendResult storePage(String logGroup, List<FilteredLogEvent> page, SourceOffset offset) {
        return store(prepare(logGroup, page), offset);
    }

    public IngestMetrics metrics() {
        return metrics;
    }
}
