package io.watchpost.ui.dashboard;

import io.watchpost.store.TimeRange;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a custom Dashboard range from the picker's fields (a day and an HH:mm time each side, UTC like every chart)
 * and keeps it inside what the cache holds: asking for more would only draw empty buckets.
 */
final class CustomRanges {

    /** Either a range or why there is none. */
    record Parsed(TimeRange range, String problem) {
    }

    private CustomRanges() {
    }

    static Parsed parse(LocalDate fromDay, String fromTime, LocalDate toDay, String toTime, TimeRange cache) {
        if (cache == null) {
            return new Parsed(null, "the cache holds no events yet");
        }
        if (fromDay == null || toDay == null) {
            return new Parsed(null, "pick both days");
        }
        long from;
        long to;
        try {
            from = fromDay.atTime(LocalTime.parse(fromTime.strip())).toInstant(ZoneOffset.UTC).toEpochMilli();
            to = toDay.atTime(LocalTime.parse(toTime.strip())).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return new Parsed(null, "times are HH:mm (UTC), e.g. 09:30");
        }
        from = Math.max(from, cache.fromMillis());
        to = Math.min(to, cache.toMillis());
        if (to <= from) {
            return new Parsed(null, "the range must end after it starts, inside what the cache holds");
        }
        return new Parsed(new TimeRange(from, to), null);
    }
}
