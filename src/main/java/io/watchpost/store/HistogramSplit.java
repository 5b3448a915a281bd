package io.watchpost.store;

/** What each histogram bar may be split by: nothing, the severity, or the source type (cloudtrail, json, text …). */
public enum HistogramSplit {
    NONE(null), SEVERITY("severity"), SOURCE_TYPE("source_type");

    private final String column;

    HistogramSplit(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    /** This split's value for an event with this severity and source type; null when not split. */
    String valueOf(String severity, String sourceType) {
        return switch (this) {
            case NONE -> null;
            case SEVERITY -> severity;
            case SOURCE_TYPE -> sourceType;
        };
    }
}
