package io.watchpost.ui.dashboard;

import io.watchpost.store.LatencyRow;
import io.watchpost.store.RollupKey;
import io.watchpost.store.RollupProgress;
import io.watchpost.store.RollupQueries;
import io.watchpost.store.Rollups;
import io.watchpost.store.TalkerKind;
import io.watchpost.store.TimeRange;
import io.watchpost.store.ValueCount;
import io.watchpost.store.VolumeRow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Builds one {@link DashboardData} from the rollups (never the raw events); runs on the view model's background
 * thread. Buckets without events are filled with zeros so lines drop to zero instead of bridging gaps.
 */
final class DashboardLoader {

    static final int TOP_TALKERS = 10;
    /** The anomaly chart's buckets: never under a minute, the band needs volumes that are not mostly noise. */
    static final long MIN_ANOMALY_STEP = 60_000;

    private final RollupQueries queries;
    private final Supplier<List<AlertMarker>> alerts;
    /** The stack's order so far, bottom first: kept across refreshes (the refresh thread only), see {@link #stack}. */
    private List<String> stackOrder = List.of();

    DashboardLoader(RollupQueries queries, Supplier<List<AlertMarker>> alerts) {
        this.queries = queries;
        this.alerts = alerts;
    }

    DashboardData load(TimeWindow window, String anomalyGroup, long nowMillis, boolean ingesting) {
        RollupProgress progress = queries.progress();
        TimeRange range = window.range(nowMillis);
        long step = TimeWindow.step(range, nowMillis, Rollups.SECOND_TABLES_SPAN_MILLIS);
        long[] buckets = complete(buckets(range, step), range, step, nowMillis);

        List<VolumeRow> byType = queries.volume(range, step, RollupKey.SOURCE_TYPE);
        List<Series> stacked = stack(byType, buckets, step, stackOrder);
        stackOrder = stacked.stream().map(Series::name).toList();
        Series bytes = bytesPerSecond(byType, buckets, step);
        List<Series> latency = latency("end-to-end", queries.latency(range, step));
        List<Series> apiLatency = latency("API call", queries.apiLatency(range, step));

        long anomalyStep = Math.max(step, MIN_ANOMALY_STEP);
        long[] anomalyBuckets = complete(buckets(range, anomalyStep), range, anomalyStep, nowMillis);
        List<VolumeRow> byGroup = queries.volume(range, anomalyStep, RollupKey.LOG_GROUP);
        TreeSet<String> groups = new TreeSet<>();
        byGroup.forEach(r -> groups.add(r.key()));
        String group = anomalyGroup != null && groups.contains(anomalyGroup) ? anomalyGroup : null;
        double[] volume = new double[anomalyBuckets.length];
        for (VolumeRow r : byGroup) {
            if (group == null || group.equals(r.key())) {
                int i = index(anomalyBuckets, r.bucketMillis(), anomalyStep);
                if (i >= 0) {
                    volume[i] += r.events();
                }
            }
        }
        double[] x = seconds(anomalyBuckets);
        Baseline baseline = Baseline.learn(volume);
        double[] kSigma = new double[x.length];
        double[] below = new double[x.length];
        List<Double> ax = new ArrayList<>();
        List<Double> ay = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            kSigma[i] = Baseline.K * baseline.sigma()[i];
            below[i] = Math.min(kSigma[i], Math.max(0, baseline.mean()[i])); // volumes are never negative
            if (baseline.anomalous()[i]) {
                ax.add(x[i]);
                ay.add(volume[i]);
            }
        }
        Map<TalkerKind, List<ValueCount>> talkers = new EnumMap<>(TalkerKind.class);
        for (TalkerKind kind : TalkerKind.values()) {
            talkers.put(kind, queries.talkers(kind, range, TOP_TALKERS));
        }
        List<AlertMarker> inWindow = alerts.get().stream()
                .filter(a -> a.timeMillis() >= range.fromMillis() && a.timeMillis() < range.toMillis()).toList();
        return new DashboardData(window, range, step, anomalyStep, stacked, bytes, latency, apiLatency, group,
                new Series(group == null ? "All log groups" : group, x, volume),
                new Series("Baseline (EWMA ± 3σ)", x, baseline.mean()), below, kSigma,
                new Series("Anomalous", toArray(ax), toArray(ay)), List.copyOf(groups), talkers, inWindow, progress, ingesting, nowMillis);
    }

    static long[] buckets(TimeRange range, long step) {
        long first = range.fromMillis() - Math.floorMod(range.fromMillis(), step);
        int n = (int) Math.max(0, (range.toMillis() - first + step - 1) / step);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = first + i * step;
        }
        return out;
    }

    /**
     * Leaves out the buckets the window cuts (its first, when it does not start on a bucket boundary) or that are
     * still filling (the current second or minute): a half-counted bucket would read as a drop in throughput and
     * be flagged as an anomaly.
     */
    static long[] complete(long[] buckets, TimeRange range, long step, long nowMillis) {
        int first = 0;
        while (first < buckets.length && buckets[first] < range.fromMillis()) {
            first++;
        }
        int end = buckets.length;
        while (end > first && (buckets[end - 1] + step > nowMillis || buckets[end - 1] + step > range.toMillis())) {
            end--;
        }
        return java.util.Arrays.copyOfRange(buckets, first, end);
    }

    private static int index(long[] buckets, long bucket, long step) {
        if (buckets.length == 0) {
            return -1;
        }
        long i = (bucket - buckets[0]) / step;
        return i >= 0 && i < buckets.length ? (int) i : -1;
    }

    private static double[] seconds(long[] buckets) {
        double[] x = new double[buckets.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = buckets[i] / 1000.0;
        }
        return x;
    }

    /**
     * Per source type, running sums bottom-up; the biggest type goes at the bottom where its shape reads best. Types
     * already stacked keep their places ({@code previous}) and new ones go on top, biggest first: two types of
     * similar volume would otherwise swap places refresh after refresh, and each swap makes ChartFX rebuild the
     * renderer's data set nodes on the FX thread (styles parsed, fill patterns snapshotted: tens of ms).
     */
    static List<Series> stack(List<VolumeRow> rows, long[] buckets, long step, List<String> previous) {
        Map<String, double[]> perType = new TreeMap<>();
        double perSecond = 1000.0 / step;
        for (VolumeRow r : rows) {
            int i = index(buckets, r.bucketMillis(), step);
            if (i >= 0) {
                perType.computeIfAbsent(r.key(), k -> new double[buckets.length])[i] += r.events() * perSecond;
            }
        }
        List<Map.Entry<String, double[]>> order = new ArrayList<>(perType.entrySet());
        order.sort(java.util.Comparator.<Map.Entry<String, double[]>>comparingInt(e -> placeIn(previous, e.getKey()))
                .thenComparing((a, b) -> Double.compare(sum(b.getValue()), sum(a.getValue()))));
        double[] x = seconds(buckets);
        double[] running = new double[buckets.length];
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : order) {
            double[] y = new double[buckets.length];
            for (int i = 0; i < y.length; i++) {
                running[i] += e.getValue()[i];
                y[i] = running[i];
            }
            out.add(new Series(e.getKey(), x, y));
        }
        return out;
    }

    private static Series bytesPerSecond(List<VolumeRow> rows, long[] buckets, long step) {
        double[] y = new double[buckets.length];
        for (VolumeRow r : rows) {
            int i = index(buckets, r.bucketMillis(), step);
            if (i >= 0) {
                y[i] += r.bytes() * 1000.0 / step;
            }
        }
        return new Series("bytes/s", seconds(buckets), y);
    }

    /**
     * p50, p95 and max, named "{@code what} p50" …, only where there were events or calls: a bucket without any has no
     * latency, not a latency of zero.
     */
    private static List<Series> latency(String what, List<LatencyRow> rows) {
        double[] x = new double[rows.size()];
        double[] p50 = new double[rows.size()];
        double[] p95 = new double[rows.size()];
        double[] max = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            LatencyRow r = rows.get(i);
            x[i] = r.bucketMillis() / 1000.0;
            p50[i] = r.p50Millis();
            p95[i] = r.p95Millis();
            max[i] = r.maxMillis();
        }
        return List.of(new Series(what + " p50", x, p50), new Series(what + " p95", x, p95), new Series(what + " max", x, max));
    }

    private static int placeIn(List<String> order, String type) {
        int i = order.indexOf(type);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
