package io.watchpost.source;

import io.watchpost.store.EncodedEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A page of CloudWatch events, each normalized and encoded for the cache, in the order CloudWatch returned them.
 *
 * @param events      the events as received (what checkpoints are made of)
 * @param encoded     the same events, index for index, ready for {@link io.watchpost.store.EventStore#appendEncoded}
 * @param parseErrors how many of them are kept raw because they did not parse
 */
public record PreparedPage(List<FilteredLogEvent> events, List<EncodedEvent> encoded, int parseErrors) {

    public PreparedPage {
        if (events.size() != encoded.size()) {
            throw new IllegalArgumentException("each event needs its encoding");
        }
    }

    /** The events {@code keep} accepts, with their encodings. */
    public PreparedPage only(Predicate<FilteredLogEvent> keep) {
        List<FilteredLogEvent> e = new ArrayList<>(events.size());
        List<EncodedEvent> x = new ArrayList<>(events.size());
        int errors = 0;
        for (int i = 0; i < events.size(); i++) {
            if (keep.test(events.get(i))) {
                e.add(events.get(i));
                x.add(encoded.get(i));
                errors += encoded.get(i).event().hasParseError() ? 1 : 0;
            }
        }
        return new PreparedPage(e, x, errors);
    }

    public int size() {
        return events.size();
    }

    /** Characters of message text: what the telemetry counts as bytes read. */
    public long messageChars() {
        long n = 0;
        for (FilteredLogEvent f : events) {
            n += f.message() == null ? 0 : f.message().length();
        }
        return n;
    }
}
