package io.watchpost.ui.explorer;

import io.watchpost.normalize.Event;
import io.watchpost.ui.events.EventRow;

import java.util.ArrayList;
import java.util.List;

/** One field of the selected event under the name the filter language accepts, so a pivot can use it verbatim. */
public record FieldValue(String field, String value) {

    /** The normalized fields under their ECS names, then the event's flattened fields; absent ones are left out. */
    public static List<FieldValue> of(Event e) {
        List<FieldValue> out = new ArrayList<>();
        add(out, "@timestamp", EventRow.TIME.format(e.eventTime()));
        add(out, "log.level", e.severity().name());
        add(out, "event.dataset", e.sourceType());
        add(out, "log.group", e.logGroup());
        add(out, "log.stream", e.logStream());
        add(out, "event.id", e.eventId());
        add(out, "event.action", e.action());
        add(out, "event.outcome", e.outcome());
        add(out, "user.name", e.user());
        add(out, "source.ip", e.sourceIp());
        add(out, "message", e.message());
        add(out, "parseError", e.parseError());
        e.fields().forEach((k, v) -> add(out, k, v));
        return out;
    }

    private static void add(List<FieldValue> out, String field, String value) {
        if (value != null && !value.isEmpty()) {
            out.add(new FieldValue(field, value));
        }
    }
}
