package io.watchpost.ui.explorer;

import io.watchpost.store.TimeRange;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * The time range as the analyst chose it: a preset relative to now (re-resolved on every run, so "last hour" keeps
 * meaning the last hour) or an absolute range (from a drag on the histogram, a pivot, or typed dates).
 *
 * @param preset   the preset, or null for an absolute range
 * @param absolute the absolute range, or null for a preset
 */
public record RangeChoice(TimePreset preset, TimeRange absolute) {

    public RangeChoice {
        if ((preset == null) == (absolute == null)) {
            throw new IllegalArgumentException("a range is either a preset or absolute");
        }
    }

    public static RangeChoice of(TimePreset preset) {
        return new RangeChoice(preset, null);
    }

    public static RangeChoice between(long fromMillis, long toMillis) {
        return new RangeChoice(null, new TimeRange(fromMillis, Math.max(fromMillis + 1, toMillis)));
    }

    /** The concrete range for a query run at {@code nowMillis}; {@code cached} is asked only for ALL_CACHED. */
    public TimeRange resolve(long nowMillis, Supplier<TimeRange> cached) {
        if (absolute != null) {
            return absolute;
        }
        if (preset == TimePreset.ALL_CACHED) {
            TimeRange all = cached.get();
            return all.millis() == 0 ? new TimeRange(nowMillis - 3_600_000L, nowMillis) : all;
        }
        return new TimeRange(nowMillis - preset.length().toMillis(), nowMillis + 1);
    }

    /** How a saved search stores it: "preset:LAST_1_HOUR" or "abs:2025-11-24T08:00:00Z/2025-11-24T09:00:00Z". */
    public String spec() {
        return preset != null ? "preset:" + preset.name()
                : "abs:" + Instant.ofEpochMilli(absolute.fromMillis()) + "/" + Instant.ofEpochMilli(absolute.toMillis());
    }

    /** Reads {@link #spec()}; anything unreadable falls back to all cached events rather than failing a saved search. */
    public static RangeChoice parse(String spec) {
        try {
            if (spec.startsWith("preset:")) {
                return of(TimePreset.valueOf(spec.substring("preset:".length())));
            }
            if (spec.startsWith("abs:")) {
                String[] parts = spec.substring(4).split("/", 2);
                return between(Instant.parse(parts[0]).toEpochMilli(), Instant.parse(parts[1]).toEpochMilli());
            }
        } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            // fall through
        }
        return of(TimePreset.ALL_CACHED);
    }

    public String label() {
        return preset != null ? preset.label()
                : EventTimes.SHORT.format(Instant.ofEpochMilli(absolute.fromMillis())) + " → "
                + EventTimes.SHORT.format(Instant.ofEpochMilli(absolute.toMillis()));
    }
}
