package io.watchpost.source.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-operation request quotas as token buckets, answering AWS's {@code ThrottlingException: Rate exceeded}
 * (HTTP 400) when a bucket is empty. Operations without a configured quota are unlimited.
 *
 * <pre>{@code
 * RequestGate gate = QuotaGate.builder().limit("FilterLogEvents", 5).build();
 * CloudWatchLogsEmulator.start(options, gate);
 * }</pre>
 */
public final class QuotaGate implements RequestGate {

    private final Map<String, TokenBucket> buckets;

    private QuotaGate(Map<String, TokenBucket> buckets) {
        this.buckets = Map.copyOf(buckets);
    }

    public static Builder builder() {
        return new Builder(System::nanoTime);
    }

    static Builder builder(LongSupplier nanoClock) {
        return new Builder(nanoClock);
    }

    /** AWS's default per-account, per-region CloudWatch Logs quotas (requests per second) for the emulated calls. */
    public static QuotaGate awsDefaults() {
        return builder()
                .limit("CreateLogGroup", 5)
                .limit("CreateLogStream", 50)
                .limit("DescribeLogGroups", 10)
                .limit("DescribeLogStreams", 25)
                .limit("FilterLogEvents", 5)
                .limit("GetLogEvents", 25)
                .limit("PutLogEvents", 5000)
                .build();
    }

    @Override
    public void admit(String operation) {
        TokenBucket b = buckets.get(operation);
        if (b != null && !b.tryTake()) {
            throw EmulatorException.throttled();
        }
    }

    public static final class Builder {
        private final LongSupplier nanoClock;
        private final Map<String, TokenBucket> buckets = new HashMap<>();

        private Builder(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
        }

        /** {@code perSecond} requests a second with a burst of the same size (at least 1). */
        public Builder limit(String operation, double perSecond) {
            return limit(operation, perSecond, Math.max(1, perSecond));
        }

        public Builder limit(String operation, double perSecond, double burst) {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
            }
            buckets.put(operation, new TokenBucket(perSecond, burst, nanoClock));
            return this;
        }

        public QuotaGate build() {
            return new QuotaGate(buckets);
        }
    }

    /** Classic token bucket: refills continuously at {@code rate}, holds at most {@code capacity} tokens. */
    static final class TokenBucket {
        private final double ratePerNano;
        private final double capacity;
        private final LongSupplier nanoClock;
        private double tokens;
        private long last;

        TokenBucket(double perSecond, double capacity, LongSupplier nanoClock) {
            this.ratePerNano = perSecond / 1e9;
            this.capacity = capacity;
            this.nanoClock = nanoClock;
            this.tokens = capacity;
            this.last = nanoClock.getAsLong();
        }

        synchronized boolean tryTake() {
            long now = nanoClock.getAsLong();
            tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
