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
     * @param bucketCount how many equal buckets the span from the first to the last firing is cut into
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

    static List<Bucket> buckets(List<Instant> times, int count) {
        if (times.isEmpty()) {
            return List.of();
        }
        Instant min = times.stream().min(Instant::compareTo).orElseThrow();
        Instant max = times.stream().max(Instant::compareTo).orElseThrow();
        long span = Math.max(1, Duration.between(min, max).toMillis() + 1);
        long width = Math.max(1000, (span + count - 1) / count); // at least a second wide
        int n = (int) Math.min(count, (span + width - 1) / width);
        long[] hits = new long[n];
        for (Instant t : times) {
            hits[(int) Math.min(n - 1, (t.toEpochMilli() - min.toEpochMilli()) / width)]++;
        }
        List<Bucket> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Bucket(min.plusMillis(i * width), Duration.ofMillis(width), hits[i]));
        }
        return out;
    }
}
