package io.watchpost.source;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.store.AppendResult;
import io.watchpost.store.EventStore;
import io.watchpost.store.SourceOffset;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.util.ArrayList;
import java.util.List;

/** One page of CloudWatch events → normalized → cached, with the source's offset in the same transaction. */
public final class IngestPipeline {

    private final Normalizer normalizer;
    private final EventStore store;
    private final IngestMetrics metrics;

    public IngestPipeline(Normalizer normalizer, EventStore store, IngestMetrics metrics) {
        this.normalizer = normalizer;
        this.store = store;
        this.metrics = metrics;
    }

    public AppendResult storePage(String logGroup, List<FilteredLogEvent> page, SourceOffset offset) {
        List<Event> events = new ArrayList<>(page.size());
        long bytes = 0;
        int parseErrors = 0;
        for (FilteredLogEvent f : page) {
            String message = f.message() == null ? "" : f.message();
            bytes += message.length();
            Event e = normalizer.normalize(new RawLogEvent(logGroup, f.logStreamName(), f.eventId(),
                    f.timestamp() == null ? 0 : f.timestamp(), f.ingestionTime() == null ? 0 : f.ingestionTime(), message));
            parseErrors += e.hasParseError() ? 1 : 0;
            events.add(e);
        }
        metrics.recordPage(page.size(), bytes);
        AppendResult result = store.append(events, offset);
        long now = System.currentTimeMillis();
        long latencySum = 0;
        for (Event e : events) {
            latencySum += Math.max(0, now - e.eventTime().toEpochMilli());
        }
        metrics.recordStored(result.stored(), result.duplicates(), parseErrors, result.stored() == 0 ? 0 : latencySum);
        return result;
    }

    public IngestMetrics metrics() {
        return metrics;
    }

}
