package io.watchpost.store;

/** Event times from {@code fromMillis} (inclusive) to {@code toMillis} (exclusive), epoch milliseconds UTC. */
public record TimeRange(long fromMillis, long toMillis) {

    public TimeRange {
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("a time range cannot end (" + toMillis + ") before it starts (" + fromMillis + ")");
        }
    }

    /** Every representable time: "no range". */
    public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);

    public long millis() {
        return toMillis - fromMillis;
    }
}
