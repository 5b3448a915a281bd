package io.watchpost.store;

import java.util.List;
import java.util.Map;

/**
 * Matching events counted per time bucket: bucket i covers [fromMillis + i·bucketMillis, fromMillis + (i+1)·bucketMillis).
 * Every bucket of the range is present, empty ones with 0, so a chart can draw them as they come.
 */
public record Histogram(long fromMillis, long bucketMillis, List<Bucket> buckets) {

    public Histogram {
        buckets = List.copyOf(buckets);
    }

    /** One bar; {@code bySplit} holds the counts per severity or source type (empty when not split). */
    public record Bucket(long startMillis, long count, Map<String, Long> bySplit) {
        public Bucket {
            bySplit = Map.copyOf(bySplit);
        }
    }

    /** All matching events in the range: the Explorer's count comes free with the histogram. */
    public long total() {
        return buckets.stream().mapToLong(Bucket::count).sum();
    }

    /** Round bucket sizes an analyst reads at a glance. */
    private static final long[] STEPS = {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
            900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000,
            604_800_000, 2_592_000_000L, 31_536_000_000L};

    /** The smallest round bucket size giving at most {@code maxBuckets} buckets over the range (~60–120 for 120). */
    public static long bucketMillisFor(TimeRange range, int maxBuckets) {
        for (long step : STEPS) {
            if ((range.millis() + step - 1) / step <= maxBuckets) {
                return step;
            }
        }
        return Math.max(1, (range.millis() + maxBuckets - 1) / maxBuckets);
    }
}
