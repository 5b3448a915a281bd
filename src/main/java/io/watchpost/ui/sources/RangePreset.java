package io.watchpost.ui.sources;

import java.time.Duration;

/** Ranges an analyst backfills most: the last so-many hours, ending now. */
public enum RangePreset {
    LAST_15_MINUTES("Last 15 minutes", Duration.ofMinutes(15)),
    LAST_HOUR("Last hour", Duration.ofHours(1)),
    LAST_6_HOURS("Last 6 hours", Duration.ofHours(6)),
    LAST_24_HOURS("Last 24 hours", Duration.ofHours(24)),
    LAST_7_DAYS("Last 7 days", Duration.ofDays(7));

    private final String label;
    private final Duration length;

    RangePreset(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public BackfillRange endingAt(long nowMillis) {
        return new BackfillRange(nowMillis - length.toMillis(), nowMillis);
    }

    @Override
    public String toString() {
        return label;
    }
}
