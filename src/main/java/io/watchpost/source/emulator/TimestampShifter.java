package io.watchpost.source.emulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves the times written inside a log message by a fixed offset, so replayed sample data reads as if it happened
 * now: ISO-8601 UTC times (CloudTrail's eventTime, JSON loggers), the RFC 3164 syslog prefix, and the start/end
 * epoch seconds of VPC flow log records.
 */
final class TimestampShifter {

    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final Pattern SYSLOG = Pattern.compile("^([A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2})");
    private static final DateTimeFormatter SYSLOG_FORMAT = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);
    private static final Pattern VPC_V2 = Pattern.compile(
            "^(2 \\S+ \\S+ \\S+ \\S+ \\S+ \\S+ \\S+ \\S+ \\S+ )(\\d{9,11}) (\\d{9,11})( .*)$");

    private final long offsetMillis;
    private final int year;

    /** @param referenceYear the year syslog lines (which carry none) are read in */
    TimestampShifter(long offsetMillis, int referenceYear) {
        this.offsetMillis = offsetMillis;
        this.year = referenceYear;
    }

    String shift(String message) {
        if (offsetMillis == 0) {
            return message;
        }
        Matcher vpc = VPC_V2.matcher(message);
        if (vpc.matches()) {
            long offsetSeconds = Math.floorDiv(offsetMillis, 1000);
            return vpc.group(1) + (Long.parseLong(vpc.group(2)) + offsetSeconds) + " "
                    + (Long.parseLong(vpc.group(3)) + offsetSeconds) + vpc.group(4);
        }
        String out = message;
        Matcher sys = SYSLOG.matcher(out);
        if (sys.find()) {
            try {
                LocalDateTime t = LocalDateTime.parse(year + " " + sys.group(1),
                        DateTimeFormatter.ofPattern("yyyy MMM ppd HH:mm:ss", Locale.ENGLISH));
                LocalDateTime moved = LocalDateTime.ofInstant(t.toInstant(ZoneOffset.UTC).plusMillis(offsetMillis), ZoneOffset.UTC);
                out = SYSLOG_FORMAT.format(moved) + out.substring(sys.end());
            } catch (DateTimeParseException ignored) {
                // not a real date after all: leave the line as it is
            }
        }
        Matcher iso = ISO.matcher(out);
        StringBuilder b = null;
        int last = 0;
        while (iso.find()) {
            if (b == null) {
                b = new StringBuilder(out.length());
            }
            Instant moved = Instant.parse(iso.group()).plusMillis(offsetMillis);
            String text = iso.group(1) == null ? moved.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                    : moved.toString();
            b.append(out, last, iso.start()).append(text);
            last = iso.end();
        }
        if (b == null) {
            return out;
        }
        return b.append(out, last, out.length()).toString();
    }
}
