package io.watchpost.ui.explorer;

import io.watchpost.store.ValueCount;

import java.util.List;

/** One sidebar entry: a field and its most frequent values in the current result. */
public record FieldSummary(String field, List<ValueCount> topValues) {
    public FieldSummary {
        topValues = List.copyOf(topValues);
    }
}
