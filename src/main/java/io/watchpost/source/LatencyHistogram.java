package io.watchpost.source;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * End-to-end latency (event time to stored) in fixed, roughly logarithmic buckets from 1 ms to 1 day. Percentiles
 * come back as the bucket's upper bound: coarse, but constant memory, lock-free, and precise enough to tell
 * "under a second" from "minutes behind".
 */
public final class LatencyHistogram {

    /** Upper bounds in ms; the last bucket holds everything larger. */
    static final long[] BOUNDS = {1, 2, 5, 10, 20, 50, 100, 200, 300, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000,
            7_500, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 21_600_000,
            86_400_000, Long.MAX_VALUE};

    private final AtomicLongArray counts = new AtomicLongArray(BOUNDS.length);

    public void record(long millis) {
        long v = Math.max(0, millis);
        int lo = 0;
        int hi = BOUNDS.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v <= BOUNDS[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        counts.incrementAndGet(lo);
    }

    public long count() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The upper bound (ms) of the bucket holding the {@code q}-quantile, or -1 with no samples. */
    public long percentile(double q) {
        long[] c = new long[counts.length()];
        long n = 0;
        for (int i = 0; i < c.length; i++) {
            c[i] = counts.get(i);
            n += c[i];
        }
        if (n == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < c.length; i++) {
            seen += c[i];
            if (seen >= rank) {
                return BOUNDS[i] == Long.MAX_VALUE ? BOUNDS[i - 1] : BOUNDS[i];
            }
        }
        return BOUNDS[BOUNDS.length - 2];
    }
}
