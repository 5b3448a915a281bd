package io.watchpost.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times analysts type: epoch milliseconds, ISO-8601 (instant, with offset, local date-time as UTC, or a
 * date), or relative to now ({@code now}, {@code now-15m}, {@code now-2h}, {@code now-7d}, {@code now+1h}; units
 * s, m, h, d, w).
 */
public final class TimeValues {

    private static final Pattern RELATIVE = Pattern.compile("(?i)now(?:([+-])(\\d{1,9})([smhdw]))?");

    private TimeValues() {
    }

    public static Optional<Instant> parse(String value, Clock clock) {
        String v = value.trim();
        if (!v.isEmpty() && v.length() <= 18 && v.chars().allMatch(Character::isDigit)) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(v)));
        }
        Matcher m = RELATIVE.matcher(v);
        if (m.matches()) {
            Instant now = clock.instant();
            if (m.group(1) == null) {
                return Optional.of(now);
            }
            Duration d = unit(m.group(3).toLowerCase(java.util.Locale.ROOT)).multipliedBy(Long.parseLong(m.group(2)));
            return Optional.of(m.group(1).equals("-") ? now.minus(d) : now.plus(d));
        }
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(v).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration unit(String u) {
        return switch (u) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
        };
    }
}
