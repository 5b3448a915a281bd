package io.watchpost.detect;

import io.watchpost.normalize.Event;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one rule (enabled, alone, fresh state) over the whole cache, oldest event first, to see what it would have
 * raised before it is enabled: firings per time bucket and the first matches.
 */
public final class Backtest {

    /** Hits whose time falls in {@code [start, start + width)}. */
    public record Bucket(Instant start, Duration width, long hits) {
    }

    /** One firing: when, the event that made it fire (the newest of the firing's events), and the alert's summary. */
    public record Match(Instant time, EventRef event, String summary) {
    }

    public record Result(long eventsScanned, long firings, int alerts, List<Bucket> buckets, List<Match> firstMatches) {
        public Result {
            buckets = List.copyOf(buckets);
            firstMatches = List.copyOf(firstMatches);
        }
    }

    private Backtest() {
    }

    /**
     * @param bucketCount about how many buckets the span from the first to the last firing is cut into (their width
     *                    is rounded up to a readable one: 1 s, 5 s … 15 min, 1 h …)
     * @param maxMatches  how many first matches to keep
     */
    public static Result run(Rule rule, DataSource cache, int bucketCount, int maxMatches) {
        DetectionEngine engine = new DetectionEngine(List.of(rule.withEnabled(true)));
        List<Instant> times = new ArrayList<>();
        List<Match> first = new ArrayList<>();
        java.util.Set<String> alertIds = new java.util.HashSet<>();
        long[] scanned = {0};
        CacheEventStream.forEach(cache, 5000, (Event e) -> {
            scanned[0]++;
            for (Alert a : engine.accept(e)) {
                alertIds.add(a.id());
                times.add(e.eventTime());
                if (first.size() < maxMatches) {
                    first.add(new Match(e.eventTime(), new EventRef(e.logGroup(), e.eventId()), a.summary()));
                }
            }
        });
        return new Result(scanned[0], times.size(), alertIds.size(), buckets(times, bucketCount), first);
    }

    /** Bucket widths people read at a glance; the chart uses the smallest that fits the span into the count. */
    private static final long[] NICE_MILLIS = {1_000, 5_000, 10_000, 30_000, 60_000, 300_000, 600_000, 900_000,
            1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 604_800_000};

    /** Hits per bucket of a nice width, aligned to a multiple of the width (UTC), first to last hit. */
    static List<Bucket> buckets(List<Instant> times, int count) {
        if (times.isEmpty()) {
            return List.of();
        }
        long min = times.stream().mapToLong(Instant::toEpochMilli).min().orElseThrow();
        long max = times.stream().mapToLong(Instant::toEpochMilli).max().orElseThrow();
        long raw = (max - min + count) / count;
        long width = NICE_MILLIS[NICE_MILLIS.length - 1] * ((raw + NICE_MILLIS[NICE_MILLIS.length - 1] - 1)
                / NICE_MILLIS[NICE_MILLIS.length - 1]);
        for (long nice : NICE_MILLIS) {
            if (nice >= raw) {
                width = nice;
                break;
            }
        }
        long start = Math.floorDiv(min, width) * width;
        int n = (int) ((max - start) / width + 1);
        long[] hits = new long[n];
        for (Instant t : times) {
            hits[(int) ((t.toEpochMilli() - start) / width)]++;
        }
        List<Bucket> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Bucket(Instant.ofEpochMilli(start + i * width), Duration.ofMillis(width), hits[i]));
        }
        return out;
    }
}
