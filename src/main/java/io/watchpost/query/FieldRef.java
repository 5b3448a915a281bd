package io.watchpost.query;

import io.watchpost.store.EventColumns;

/** Where a field named in a filter lives in the cache. */
sealed interface FieldRef {

    /** An epoch-millisecond column (event time, ingest time). */
    record TimeColumn(String column) implements FieldRef {
    }

    /** A text column of its own. */
    record TextColumn(String column) implements FieldRef {
    }

    /** A key of the flattened-fields JSON, matched ignoring case. */
    record JsonKey(String key) implements FieldRef {
    }

    static FieldRef of(String field) {
        var time = EventColumns.timeColumn(field);
        if (time.isPresent()) {
            return new TimeColumn(time.get());
        }
        var text = EventColumns.textColumn(field);
        return text.<FieldRef>map(TextColumn::new).orElseGet(() -> new JsonKey(field));
    }
}
