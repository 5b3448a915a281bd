package io.watchpost.normalize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Reads every timestamp form the supported formats use into a UTC {@link Instant}, by hand, because
 * {@code DateTimeFormatter} costs about a microsecond per call on the ingest path. Each method returns null for text
 * it does not understand, so callers fall back to CloudWatch's own timestamp.
 * <ul>
 *   <li>ISO-8601 / RFC 3339 / RFC 5424: {@code 2025-11-24T08:00:04Z}, with or without a fraction (any number of
 *       digits, truncated to nanoseconds), with {@code Z}, {@code +01:00}, {@code +0100} or no offset (read as UTC),
 *       and with a space instead of {@code T} (GuardDuty's {@code createdAt}).</li>
 *   <li>Epoch seconds (10 digits or fewer, VPC flow {@code start}/{@code end}), epoch milliseconds (11–13 digits),
 *       optionally with a decimal fraction.</li>
 *   <li>RFC 3164 {@code Nov  4 08:03:12}: no year and no zone. The zone is taken as UTC (the CloudWatch agent on
 *       EC2 runs in UTC by default); the year is the one that puts the line closest to CloudWatch's timestamp, so a
 *       {@code Dec 31} line read in January lands in the previous year.</li>
 * </ul>
 */
final class Timestamps {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private Timestamps() {
    }

    static Instant iso(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' '
                && s.charAt(10) != 't') || s.charAt(13) != ':') {
            return null;
        }
        int year = Texts.parseIntOr(s, 0, 4, -1);
        int month = Texts.parseIntOr(s, 5, 7, -1);
        int day = Texts.parseIntOr(s, 8, 10, -1);
        int hour = Texts.parseIntOr(s, 11, 13, -1);
        int minute = Texts.parseIntOr(s, 14, 16, -1);
        int second = 0;
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            second = Texts.parseIntOr(s, 17, Math.min(19, n), -1);
            i = 19;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 60) {
            return null;
        }
        int nanos = 0;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
            int digits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (digits < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                digits++;
                i++;
            }
            if (digits == 0) {
                return null;
            }
            for (int d = digits; d < 9; d++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char c = s.charAt(i);
            if (c == 'Z' || c == 'z') {
                i++;
            } else if (c == '+' || c == '-') {
                int oh = Texts.parseIntOr(s, i + 1, Math.min(i + 3, n), -1);
                int j = i + 3;
                if (j < n && s.charAt(j) == ':') {
                    j++;
                }
                int om = j < n ? Texts.parseIntOr(s, j, Math.min(j + 2, n), -1) : 0;
                if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                    return null;
                }
                offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
                i = j < n ? j + 2 : j;
            }
            if (i != n) {
                return null;
            }
        }
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + Math.min(second, 59) - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Epoch seconds or milliseconds, told apart by magnitude (seconds stay below 10^11 until the year 5138). */
    static Instant epoch(String s) {
        if (s == null || s.isEmpty() || s.length() > 20) {
            return null;
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        if (!Texts.isDigits(whole) || whole.length() > 13 || (dot >= 0 && !Texts.isDigits(s.substring(dot + 1)))) {
            return null;
        }
        long v = Long.parseLong(whole);
        if (whole.length() <= 11) {
            long nanos = 0;
            if (dot >= 0) {
                String frac = (s.substring(dot + 1) + "000000000").substring(0, 9);
                nanos = Long.parseLong(frac);
            }
            return Instant.ofEpochSecond(v, nanos);
        }
        return Instant.ofEpochMilli(v);
    }

    /** An ISO or epoch value, whichever it is. */
    static Instant any(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        if (c < '0' || c > '9') {
            return null;
        }
        return s.length() > 4 && s.charAt(4) == '-' ? iso(s) : epoch(s);
    }

    /** The month (1–12) of a three-letter English abbreviation at {@code at}, or 0. */
    static int month(String s, int at) {
        if (at + 3 > s.length()) {
            return 0;
        }
        for (int m = 0; m < 12; m++) {
            if (s.regionMatches(at, MONTHS, m * 3, 3)) {
                return m + 1;
            }
        }
        return 0;
    }

    /**
     * RFC 3164 {@code Mmm dd hh:mm:ss} at {@code at} (day space- or zero-padded); the year chosen next to
     * {@code referenceMillis}. Null when the text is not that shape.
     */
    static Instant rfc3164(String s, int at, long referenceMillis) {
        if (at + 15 > s.length() || s.charAt(at + 3) != ' ' || s.charAt(at + 9) != ':' || s.charAt(at + 12) != ':') {
            return null;
        }
        int month = month(s, at);
        char d1 = s.charAt(at + 4);
        int day = Texts.parseIntOr(s, d1 == ' ' ? at + 5 : at + 4, at + 6, -1);
        int hour = Texts.parseIntOr(s, at + 7, at + 9, -1);
        int minute = Texts.parseIntOr(s, at + 10, at + 12, -1);
        int second = Texts.parseIntOr(s, at + 13, at + 15, -1);
        if (month == 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60 || hour < 0 || minute < 0
                || second < 0) {
            return null;
        }
        int refYear = Instant.ofEpochMilli(referenceMillis).atZone(ZoneOffset.UTC).getYear();
        Instant best = null;
        long bestDistance = Long.MAX_VALUE;
        for (int year = refYear - 1; year <= refYear + 1; year++) {
            if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
                continue; // Feb 29 only exists in leap years
            }
            long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3600L + minute * 60L
                    + Math.min(second, 59);
            long distance = Math.abs(epochSecond * 1000 - referenceMillis);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = Instant.ofEpochSecond(epochSecond);
            }
        }
        return best;
    }

    /** {@code 2014-12-14T04:06:50Z} for epoch seconds, by hand: {@code Instant.toString} costs a microsecond. */
    static String isoSeconds(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400);
        int secs = (int) Math.floorMod(epochSecond, 86_400);
        LocalDate date = LocalDate.ofEpochDay(days);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return Instant.ofEpochSecond(epochSecond).toString();
        }
        char[] c = new char[20];
        two(c, 0, year / 100);
        two(c, 2, year % 100);
        c[4] = '-';
        two(c, 5, date.getMonthValue());
        c[7] = '-';
        two(c, 8, date.getDayOfMonth());
        c[10] = 'T';
        two(c, 11, secs / 3600);
        c[13] = ':';
        two(c, 14, secs / 60 % 60);
        c[16] = ':';
        two(c, 17, secs % 60);
        c[19] = 'Z';
        return new String(c);
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }
}
