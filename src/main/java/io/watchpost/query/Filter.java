package io.watchpost.query;

import java.util.List;

/** A parsed filter: comparisons that must all hold. An empty filter matches every event. */
public record Filter(List<Comparison> comparisons) {

    public static final Filter ALL = new Filter(List.of());

    public Filter {
        comparisons = List.copyOf(comparisons);
    }

    /** {@code field = value} or {@code field != value}. */
    public record Comparison(String field, boolean negated, String value, int column) {
    }
}
