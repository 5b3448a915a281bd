package io.watchpost.ui.explorer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Time formats of the Explorer: all UTC, like the rest of Watchpost. */
final class EventTimes {

    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private EventTimes() {
    }

    /** Reads "2025-11-24 08:00", "2025-11-24 08:00:00", ISO-8601 instants, or a date alone (midnight UTC). */
    static Optional<Long> parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(t).toEpochMilli());
        } catch (DateTimeParseException e) {
            // try the friendlier forms
        }
        String iso = t.replace(' ', 'T');
        if (iso.length() == 10) {
            iso += "T00:00:00";
        } else if (iso.length() == 16) {
            iso += ":00";
        }
        try {
            return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
