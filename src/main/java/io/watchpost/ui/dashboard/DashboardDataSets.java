package io.watchpost.ui.dashboard;

import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts' data sets. Written on the FX thread once per refresh, each under its own write lock (the renderers
 * read them under the read lock); a source type keeps its data set (and so its colour) across refreshes.
 */
public final class DashboardDataSets {

    /**
     * Stacked throughput, bottom of the stack first: the renderer paints the list from the end, so the tallest
     * running sum goes down first and each lower area paints over it.
     */
    private final ObservableList<DoubleDataSet> stacked = FXCollections.observableArrayList();
    private final Map<String, DoubleDataSet> bySourceType = new HashMap<>();
    private final DoubleDataSet bytesPerSecond = new DoubleDataSet("bytes/s");
    private final DoubleDataSet p50 = new DoubleDataSet("p50");
    private final DoubleDataSet p95 = new DoubleDataSet("p95");
    private final DoubleDataSet max = new DoubleDataSet("max");
    private final DoubleDataSet volume = new DoubleDataSet("events");
    private final DoubleErrorDataSet band = new DoubleErrorDataSet("Baseline (EWMA ± 3σ)");
    private final DoubleDataSet anomalies = new DoubleDataSet("Anomalous");

    void write(DashboardData data) {
        List<DoubleDataSet> order = new ArrayList<>();
        for (Series s : data.stackedRates()) {
            DoubleDataSet ds = bySourceType.computeIfAbsent(s.name(), DoubleDataSet::new);
            set(ds, s);
            order.add(ds);
        }
        if (!order.equals(stacked)) {
            stacked.setAll(order);
        }
        set(bytesPerSecond, data.bytesPerSecond());
        set(p50, data.latency().get(0));
        set(p95, data.latency().get(1));
        set(max, data.latency().get(2));
        set(volume, data.volume());
        Series b = data.band();
        band.lock().writeLockGuard(() -> band.set(b.x(), b.y(), data.bandBelow(), data.bandAbove(), true));
        set(anomalies, data.anomalies());
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
