package io.watchpost.ui.dashboard;

import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The charts' data sets. Their points are written on the refresh thread, each data set under its own write lock
 * (the renderers read them under the read lock on the FX thread, ChartFX's way of feeding charts from background
 * threads), so a refresh costs the FX thread no copying; only which source types make up the stack is changed on
 * the FX thread ({@link #showStack}), and only when it changed. A source type keeps its data set (and so its
 * colour) across refreshes.
 */
public final class DashboardDataSets {

    /**
     * Stacked throughput, bottom of the stack first: the renderer paints the list from the end, so the tallest
     * running sum goes down first and each lower area paints over it.
     */
    private final ObservableList<DoubleDataSet> stacked = FXCollections.observableArrayList();
    private final Map<String, DoubleDataSet> bySourceType = new ConcurrentHashMap<>();
    private final DoubleDataSet bytesPerSecond = new DoubleDataSet("bytes/s");
    private final DoubleDataSet p50 = new DoubleDataSet("end-to-end p50");
    private final DoubleDataSet p95 = new DoubleDataSet("end-to-end p95");
    private final DoubleDataSet max = new DoubleDataSet("end-to-end max");
    private final DoubleDataSet apiP50 = new DoubleDataSet("API call p50");
    private final DoubleDataSet apiP95 = new DoubleDataSet("API call p95");
    private final DoubleDataSet apiMax = new DoubleDataSet("API call max");
    private final DoubleDataSet volume = new DoubleDataSet("events");
    private final DoubleErrorDataSet band = new DoubleErrorDataSet("Baseline (EWMA ± 3σ)");
    private final DoubleDataSet anomalies = new DoubleDataSet("Anomalous");

    /** Any thread, one at a time (the refresh thread): every data set's points. */
    void write(DashboardData data) {
        for (Series s : data.stackedRates()) {
            set(bySourceType.computeIfAbsent(s.name(), DoubleDataSet::new), s);
        }
        set(bytesPerSecond, data.bytesPerSecond());
        set(p50, data.latency().get(0));
        set(p95, data.latency().get(1));
        set(max, data.latency().get(2));
        set(apiP50, data.apiLatency().get(0));
        set(apiP95, data.apiLatency().get(1));
        set(apiMax, data.apiLatency().get(2));
        set(volume, data.volume());
        Series b = data.band();
        band.lock().writeLockGuard(() -> band.set(b.x(), b.y(), data.bandBelow(), data.bandAbove(), true));
        set(anomalies, data.anomalies());
    }

    /** FX thread, after {@link #write} of the same data: the stack's members and order, when they changed. */
    void showStack(DashboardData data) {
        List<DoubleDataSet> order = new ArrayList<>();
        for (Series s : data.stackedRates()) {
            order.add(bySourceType.computeIfAbsent(s.name(), DoubleDataSet::new));
        }
        if (!order.equals(stacked)) {
            stacked.setAll(order);
        }
    }

    private static void set(DoubleDataSet ds, Series s) {
        ds.lock().writeLockGuard(() -> ds.set(s.x(), s.y(), true));
    }

    public ObservableList<DoubleDataSet> stacked() {
        return stacked;
    }

    public DoubleDataSet bytesPerSecond() {
        return bytesPerSecond;
    }

    public List<DoubleDataSet> latency() {
        return List.of(p50, p95, max);
    }

    /** CloudWatch API call latency: p50, p95, max. */
    public List<DoubleDataSet> apiLatency() {
        return List.of(apiP50, apiP95, apiMax);
    }

    public DoubleDataSet volume() {
        return volume;
    }

    public DoubleErrorDataSet band() {
        return band;
    }

    public DoubleDataSet anomalies() {
        return anomalies;
    }
}
