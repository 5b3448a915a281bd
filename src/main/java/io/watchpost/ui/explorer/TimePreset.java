package io.watchpost.ui.explorer;

import java.time.Duration;

/** The quick ranges an analyst picks most, ending now; ALL_CACHED is whatever the cache holds. */
public enum TimePreset {
    LAST_15_MINUTES("Last 15 minutes", Duration.ofMinutes(15)),
    LAST_1_HOUR("Last 1 hour", Duration.ofHours(1)),
    LAST_4_HOURS("Last 4 hours", Duration.ofHours(4)),
    LAST_24_HOURS("Last 24 hours", Duration.ofHours(24)),
    LAST_7_DAYS("Last 7 days", Duration.ofDays(7)),
    LAST_30_DAYS("Last 30 days", Duration.ofDays(30)),
    ALL_CACHED("All cached events", null);

    private final String label;
    private final Duration length;

    TimePreset(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    /** Null for {@link #ALL_CACHED}. */
    public Duration length() {
        return length;
    }

    @Override
    public String toString() {
        return label;
    }
}
