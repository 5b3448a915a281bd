package io.watchpost.ui.explorer;

/** A line of investigation as a tab starts it: filter text and range (from a pivot, a saved search, or a new tab). */
public record Search(String filterText, RangeChoice range) {

    public static final Search EVERYTHING = new Search("", RangeChoice.of(TimePreset.ALL_CACHED));

    public Search {
        filterText = filterText == null ? "" : filterText;
    }

    /** A tab title: the filter, shortened, or "All events". */
    public String title() {
        String t = filterText.strip();
        if (t.isEmpty()) {
            return "All events";
        }
        return t.length() <= 28 ? t : t.substring(0, 27) + "…";
    }
}
