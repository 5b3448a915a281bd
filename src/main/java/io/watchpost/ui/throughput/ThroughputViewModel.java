package io.watchpost.ui.throughput;

import io.watchpost.source.IngestHistory;
import io.watchpost.source.IngestMetrics;
import io.watchpost.ui.common.BackgroundExecutors;
import io.watchpost.ui.common.FxLatest;
import io.watchpost.ui.common.RateMeter;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the ingestion counters once a second on a background thread and appends the rates to two ChartFX data
 * sets (events stored per second, events read per second), each written under its own write lock. The data sets
 * hold the last {@value #WINDOW_SECONDS} seconds; ChartFX redraws on its own pulse when they change.
 *
 * <p>x values are epoch seconds (UTC), as ChartFX's time axis expects.
 */
public final class ThroughputViewModel {

    public static final int WINDOW_SECONDS = 600;
    // A short history is shown over at least this span, so the first seconds are not stretched across the chart.
    static final int MIN_VISIBLE_SECONDS = 60;

    private final IngestMetrics metrics;
    private final ScheduledExecutorService executor = BackgroundExecutors.singleThread("watchpost-throughput-sample");
    private final RateMeter meter = new RateMeter();
    private final CircularDoubleErrorDataSet storedPerSecond = new CircularDoubleErrorDataSet("Stored events/s", WINDOW_SECONDS);
    private final CircularDoubleErrorDataSet readPerSecond = new CircularDoubleErrorDataSet("Read events/s", WINDOW_SECONDS);
    private final ReadOnlyObjectWrapper<TimeWindow> visibleWindow = new ReadOnlyObjectWrapper<>();
    private final FxLatest<TimeWindow> windows = new FxLatest<>(visibleWindow::set);
    private double firstSampleSeconds = Double.NaN;

    /** The x range the chart should show, in epoch seconds; moved once a second. */
    public record TimeWindow(double fromSeconds, double toSeconds) {
    }

    public ThroughputViewModel(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    public void start() {
        executor.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    public CircularDoubleErrorDataSet storedPerSecond() {
        return storedPerSecond;
    }

    public CircularDoubleErrorDataSet readPerSecond() {
        return readPerSecond;
    }

    public ReadOnlyObjectProperty<TimeWindow> visibleWindowProperty() {
        return visibleWindow.getReadOnlyProperty();
    }

    private void add(double x, double stored, double read) {
        storedPerSecond.lock().writeLockGuard(() -> storedPerSecond.add(x, stored, 0, 0));
        readPerSecond.lock().writeLockGuard(() -> readPerSecond.add(x, read, 0, 0));
    }

    /** Sampling thread. Never throws: an exception would silently cancel the schedule. */
    private void sample() {
        try {
            RateMeter.Rates rates = meter.next(metrics.snapshot(), System.nanoTime());
            double now = System.currentTimeMillis() / 1000.0;
            if (Double.isNaN(firstSampleSeconds)) {
                // The first sample has no interval to make a rate of; what ingestion did before it, it did per
                // second on record. Each point stands at the end of its second, as the live samples do.
                List<IngestHistory.Second> before = metrics.history().completeSeconds();
                firstSampleSeconds = before.isEmpty() ? now : before.get(0).epochSecond() + 1;
                for (IngestHistory.Second s : before) {
                    add(s.epochSecond() + 1.0, s.stored(), s.read());
                }
                if (before.isEmpty()) {
                    add(now, 0, 0);
                }
            } else {
                add(now, rates.storedPerSecond(), rates.readPerSecond());
            }
            double span = Math.min(WINDOW_SECONDS, Math.max(MIN_VISIBLE_SECONDS, now - firstSampleSeconds));
            windows.publish(new TimeWindow(now - span, now));
        } catch (RuntimeException e) {
            // A failed sample leaves a one-second gap in the chart; the next one carries on.
        }
    }
}
