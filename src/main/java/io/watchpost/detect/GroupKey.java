package io.watchpost.detect;

import io.watchpost.normalize.Event;
import io.watchpost.query.EventPredicates;

import java.util.List;
import java.util.function.Function;

/** The group an event belongs to: its values of the group-by fields, resolved once. */
final class GroupKey {
    private final Function<Event, String>[] readers;
    private final List<String> fields;

    @SuppressWarnings("unchecked")
    GroupKey(List<String> fields) {
        this.fields = List.copyOf(fields);
        this.readers = fields.stream().map(EventPredicates::accessor).toArray(Function[]::new);
    }

    /** "field=value, …", "" without group-by fields, or null when the event lacks one of them (it joins no group). */
    String of(Event e) {
        if (readers.length == 0) {
            return "";
        }
        if (readers.length == 1) {
            String v = readers[0].apply(e);
            return v == null ? null : fields.get(0) + "=" + v;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < readers.length; i++) {
            String v = readers[i].apply(e);
            if (v == null) {
                return null;
            }
            if (i > 0) {
                b.append(", ");
            }
            b.append(fields.get(i)).append('=').append(v);
        }
        return b.toString();
    }
}
