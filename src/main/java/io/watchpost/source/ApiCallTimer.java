package io.watchpost.source;

import io.watchpost.store.ApiCallTimes;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Records how long each CloudWatch API call took, as the SDK measures it ({@link CoreMetric#API_CALL_DURATION}):
 * from the request to the final response or failure, the SDK's own retry attempts and their back-off included,
 * our request budget's wait not. That is the latency ingestion actually waited for; a throttled call that needed
 * three attempts shows as one slow call, not three quick ones. Our own page-level retries ({@link PageCalls}) are
 * separate calls and each counts once. The SDK publishes on the calling thread after the call, so recording here
 * is one small map update, never a write to the cache.
 */
final class ApiCallTimer implements MetricPublisher {

    private final ApiCallTimes times;
    private final LongSupplier clock;

    ApiCallTimer(ApiCallTimes times, LongSupplier clock) {
        this.times = times;
        this.clock = clock;
    }

    @Override
    public void publish(MetricCollection metrics) {
        for (Duration d : metrics.metricValues(CoreMetric.API_CALL_DURATION)) {
            times.record(clock.getAsLong(), d.toMillis());
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}
