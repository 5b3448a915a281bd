package io.watchpost.source;

import java.util.Map;

/**
 * One account-and-region's request budget: a token bucket per API, shared by every log group read through it, so
 * many groups in parallel stay under CloudWatch's quotas instead of discovering them through ThrottlingException.
 * When the service throttles anyway (another tool on the same account spends the same quota), {@link #throttled}
 * pauses that API's bucket briefly.
 */
public final class RequestBudget {

    /** API names as CloudWatch spells them; the keys of the buckets. */
    public static final String FILTER = "FilterLogEvents";
    public static final String GET = "GetLogEvents";
    public static final String DESCRIBE_STREAMS = "DescribeLogStreams";
    public static final String DESCRIBE_GROUPS = "DescribeLogGroups";

    private final ApiQuotas quotas;
    private final Map<String, Bucket> buckets;

    public RequestBudget(ApiQuotas quotas) {
        this.quotas = quotas;
        this.buckets = Map.of(
                FILTER, new Bucket(quotas.filterLogEventsPerSecond()),
                GET, new Bucket(quotas.getLogEventsPerSecond()),
                DESCRIBE_STREAMS, new Bucket(quotas.describeLogStreamsPerSecond()),
                DESCRIBE_GROUPS, new Bucket(quotas.describeLogGroupsPerSecond()));
    }

    public ApiQuotas quotas() {
        return quotas;
    }

    /** Blocks until the API's bucket has a token. */
    public void acquire(String api) throws InterruptedException {
        bucket(api).take();
    }

    /** The service said ThrottlingException: nobody takes from this API's bucket for {@code pauseMillis}. */
    public void throttled(String api, long pauseMillis) {
        bucket(api).pause(pauseMillis);
    }

    private Bucket bucket(String api) {
        Bucket b = buckets.get(api);
        if (b == null) {
            throw new IllegalArgumentException("no budget for " + api);
        }
        return b;
    }

    /**
     * Token bucket with a burst of one second's worth, refilling continuously. Callers reserve the next free slot
     * and sleep until it, so waiting threads are served in arrival order without busy-waiting.
     */
    static final class Bucket {
        private final double nanosPerToken;
        private final double burstNanos;
        private double nextFreeNanos;

        Bucket(double perSecond) {
            this.nanosPerToken = 1e9 / perSecond;
            // Burst two requests short of the service's bucket (which holds one second's worth): the service then
            // always has tokens in reserve, so network jitter bunching two of our paced requests is not throttled.
            this.burstNanos = Math.max(1, Math.floor(perSecond) - 2) * nanosPerToken;
            this.nextFreeNanos = System.nanoTime() - burstNanos;
        }

        void take() throws InterruptedException {
            long waitNanos;
            synchronized (this) {
                double now = System.nanoTime();
                nextFreeNanos = Math.max(nextFreeNanos, now - burstNanos) + nanosPerToken;
                waitNanos = (long) (nextFreeNanos - nanosPerToken - now);
            }
            if (waitNanos > 0) {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            }
        }

        synchronized void pause(long pauseMillis) {
            nextFreeNanos = Math.max(nextFreeNanos, System.nanoTime() + pauseMillis * 1e6);
        }
    }
}
