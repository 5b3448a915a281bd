package io.watchpost.ui.sources;

import io.watchpost.source.BackfillProgress;
import io.watchpost.source.IngestMode;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the Sources view writes numbers, sizes, durations and states: one place, so the columns agree. */
final class SourceFormats {

    private SourceFormats() {
    }

    static String count(long n) {
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.ROOT);
        f.setGroupingUsed(true);
        return f.format(n);
    }

    static String rate(double perSecond) {
        return perSecond >= 100 ? count(Math.round(perSecond)) : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    static String bytesPerSecond(double bytes) {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%.0f B/s", bytes);
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB/s", bytes / 1024);
        }
        return String.format(Locale.ROOT, "%.1f MB/s", bytes / (1024 * 1024));
    }

    /** A duration for lag and ETA: "850 ms", "12 s", "3 min 5 s", "2 h 10 min"; "—" when unknown (negative). */
    static String duration(long millis) {
        if (millis < 0) {
            return "—";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        long s = millis / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    static String latency(long p50, long p95) {
        return p50 < 0 ? "—" : "≤" + duration(p50) + " / ≤" + duration(p95);
    }

    static String mode(IngestMode mode) {
        return switch (mode) {
            case STARTING -> "starting";
            case LIVE_TAIL -> "live tail";
            case POLLING -> "polling";
            case BACKFILL -> "backfill";
            case DONE -> "done";
            case STOPPED -> "stopped";
            case FAILED -> "failed";
        };
    }

    /** "HH:mm:ss (12 s ago)" for the last error's time, relative to the snapshot. */
    static String when(long atMillis, long nowMillis, ZoneId zone) {
        if (atMillis <= 0) {
            return "";
        }
        String clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(Instant.ofEpochMilli(atMillis));
        return clock + " (" + duration(Math.max(0, nowMillis - atMillis)) + " ago)";
    }

    /** The line under the backfill progress bar. */
    static String backfill(BackfillProgress p, boolean cancelling) {
        String events = count(p.eventsDone()) + " events";
        String share = Math.round(p.coveredShare() * 100) + "%";
        return switch (p.state()) {
            case BACKFILL -> (cancelling ? "Cancelling… " : "") + events + " · " + share
                    + (p.etaMillis() < 0 ? " · ETA estimating…" : " · ETA " + duration(p.etaMillis()));
            case DONE -> "Done: " + events;
            case STOPPED -> "Stopped at " + share + ", " + events + " (starting the same range resumes)";
            case FAILED -> "Failed after " + events + ": " + p.error();
            default -> p.state() + ": " + events;
        };
    }
}
