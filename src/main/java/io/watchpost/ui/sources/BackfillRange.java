package io.watchpost.ui.sources;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** A time range to backfill, epoch milliseconds, start before end. */
public record BackfillRange(long startMillis, long endMillis) {

    public BackfillRange {
        if (startMillis >= endMillis) {
            throw new IllegalArgumentException("the start must be before the end");
        }
    }

    /**
     * The range the date pickers and time fields spell, in {@code zone}.
     *
     * @throws IllegalArgumentException with a message for the user when a field is empty or not a time
     */
    static BackfillRange of(LocalDate startDate, String startTime, LocalDate endDate, String endTime, ZoneId zone) {
        return new BackfillRange(millis("start", startDate, startTime, zone), millis("end", endDate, endTime, zone));
    }

    private static long millis(String which, LocalDate date, String time, ZoneId zone) {
        if (date == null) {
            throw new IllegalArgumentException("pick a " + which + " date");
        }
        try {
            LocalTime t = time == null || time.isBlank() ? LocalTime.MIDNIGHT : LocalTime.parse(time.trim());
            return date.atTime(t).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the " + which + " time is not HH:mm or HH:mm:ss: " + time);
        }
    }
}
