package io.watchpost.ui.dashboard;

import io.watchpost.store.TimeRange;

import java.time.Duration;
import java.util.List;

/**
 * A Dashboard window: the last {@code span} before now (live), or a fixed range out of the cache (custom).
 * Buckets are sized so a chart has at most about {@link #MAX_POINTS} points.
 */
public record TimeWindow(String label, Duration span, TimeRange fixed) {

    static final int MAX_POINTS = 900;
    private static final long[] STEPS = {1_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
            1_800_000, 3_600_000, 10_800_000, 21_600_000, 86_400_000};

    public static final List<TimeWindow> PRESETS = List.of(
            last("Last 15 minutes", Duration.ofMinutes(15)), last("Last hour", Duration.ofHours(1)),
            last("Last 6 hours", Duration.ofHours(6)), last("Last 24 hours", Duration.ofDays(1)),
            last("Last 7 days", Duration.ofDays(7)));

    public static TimeWindow last(String label, Duration span) {
        return new TimeWindow(label, span, null);
    }

    public static TimeWindow custom(String label, TimeRange range) {
        return new TimeWindow(label, null, range);
    }

    public boolean live() {
        return fixed == null;
    }

    /** The range this window covers at {@code nowMillis}: live windows end at the next whole second. */
    public TimeRange range(long nowMillis) {
        if (fixed != null) {
            return fixed;
        }
        long end = nowMillis - Math.floorMod(nowMillis, 1000L) + 1000;
        return new TimeRange(end - span.toMillis(), end);
    }

    /**
     * The bucket width for a range: the smallest that keeps the points under {@link #MAX_POINTS}, at least a minute
     * when the range reaches back past the hour the per-second rollups keep.
     */
    static long step(TimeRange range, long nowMillis, long secondTablesSpanMillis) {
        boolean secondsCover = range.fromMillis() >= nowMillis - secondTablesSpanMillis;
        for (long step : STEPS) {
            if ((step >= 60_000 || secondsCover) && range.millis() / step <= MAX_POINTS) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    @Override
    public String toString() {
        return label;
    }
}
