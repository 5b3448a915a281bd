package io.watchpost.ui.dashboard;

import io.watchpost.store.RollupProgress;
import io.watchpost.store.TalkerKind;
import io.watchpost.store.TimeRange;
import io.watchpost.store.ValueCount;

import java.util.List;
import java.util.Map;

/**
 * Everything one Dashboard refresh shows, computed off the FX thread and applied in one go.
 *
 * @param stackedRates   events/s per source type, each series already the running sum of the ones before it
 *                       (first = bottom of the stack), so the chart draws them as plain filled areas
 * @param bytesPerSecond raw bytes/s, all sources
 * @param latency        p50, p95 and max end-to-end latency (ms), in that order
 * @param apiLatency     p50, p95 and max CloudWatch API call latency (ms), in that order
 * @param volume         events per anomaly bucket of {@link #anomalyGroup}
 * @param band           the learned baseline: mean (y), with k·σ above and below (clamped at zero) as the errors of a
 *                       band drawn as a surface
 * @param anomalies      the points of {@link #volume} outside the band
 * @param groups         the log groups seen in the window, for the anomaly chart's choice
 * @param rollups        how far the rollups have counted the cache (a catch-up shows as "building rollups…")
 * @param ingesting      whether any source was being read when this was taken
 */
public record DashboardData(TimeWindow window, TimeRange range, long stepMillis, long anomalyStepMillis,
                            List<Series> stackedRates, Series bytesPerSecond, List<Series> latency, List<Series> apiLatency,
                            String anomalyGroup, Series volume, Series band, double[] bandBelow, double[] bandAbove, Series anomalies,
                            List<String> groups, Map<TalkerKind, List<ValueCount>> talkers, List<AlertMarker> alerts,
                            RollupProgress rollups, boolean ingesting, long takenAtMillis) {

    public DashboardData {
        stackedRates = List.copyOf(stackedRates);
        latency = List.copyOf(latency);
        apiLatency = List.copyOf(apiLatency);
        groups = List.copyOf(groups);
        talkers = Map.copyOf(talkers);
        alerts = List.copyOf(alerts);
    }

    public boolean hasEvents() {
        return !stackedRates.isEmpty();
    }

    /** Whether the latency chart has anything to draw: end-to-end or API call latency. */
    public boolean hasLatency() {
        return !latency.get(0).isEmpty() || !apiLatency.get(0).isEmpty();
    }
}
