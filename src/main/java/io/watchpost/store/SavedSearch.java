package io.watchpost.store;

import java.util.Objects;

/**
 * A named Explorer search: the filter text and the time range as the Explorer spells it (the store does not read
 * {@code rangeSpec}; the view model owns its format).
 */
public record SavedSearch(String name, String filterText, String rangeSpec) {
    public SavedSearch {
        Objects.requireNonNull(name, "name");
        filterText = filterText == null ? "" : filterText;
        rangeSpec = rangeSpec == null ? "" : rangeSpec;
    }
}
