package io.watchpost.detect;

import io.watchpost.query.Filter;
import io.watchpost.store.EventColumns;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The values a column must have for a filter to hold, read off the filter's shape: {@code action = X} and
 * {@code action in [..]} at the top or under {@code and}, unions under {@code or}. Null means "cannot tell", and the
 * rule then sees every event. This is what lets the engine skip most rules for most events.
 */
final class DispatchKeys {
    private DispatchKeys() {
    }

    static Set<String> required(Filter f, String column) {
        if (f instanceof Filter.Comparison c && c.op() == Filter.Operator.EQ && isColumn(c.field(), column)) {
            return Set.of(c.value());
        }
        if (f instanceof Filter.In in && isColumn(in.field(), column)) {
            return Set.copyOf(in.values());
        }
        if (f instanceof Filter.And a) {
            Set<String> best = null;
            for (Filter p : a.parts()) {
                Set<String> s = required(p, column);
                if (s != null && (best == null || s.size() < best.size())) {
                    best = s;
                }
            }
            return best;
        }
        if (f instanceof Filter.Or o) {
            return union(o.parts(), column);
        }
        return null;
    }

    static Set<String> union(List<Filter> parts, String column) {
        Set<String> all = new HashSet<>();
        for (Filter p : parts) {
            Set<String> s = required(p, column);
            if (s == null) {
                return null;
            }
            all.addAll(s);
        }
        return all;
    }

    private static boolean isColumn(String field, String column) {
        return EventColumns.textColumn(field).map(column::equals).orElse(false);
    }
}
