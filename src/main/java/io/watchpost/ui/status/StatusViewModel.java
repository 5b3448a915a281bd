package io.watchpost.ui.status;

import io.watchpost.source.IngestMetrics;
import io.watchpost.store.EventStore;
import io.watchpost.ui.common.BackgroundExecutors;
import io.watchpost.ui.common.FxLatest;
import io.watchpost.ui.common.RateMeter;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the status bar. Once a second a background thread reads the ingestion counters; every
 * {@value #COUNT_EVERY_SECONDS} seconds it also counts the cache (a SQL COUNT, so never per frame and never on
 * the FX thread). The result reaches the FX thread as one value per tick.
 */
public final class StatusViewModel {

    static final int COUNT_EVERY_SECONDS = 2;

    private final EventStore store;
    private final IngestMetrics metrics;
    private final String sourceDescription;
    private final ScheduledExecutorService executor = BackgroundExecutors.singleThread("watchpost-status-poll");
    private final RateMeter meter = new RateMeter();
    private final ReadOnlyObjectWrapper<StatusSnapshot> status = new ReadOnlyObjectWrapper<>(StatusSnapshot.UNKNOWN);
    private final FxLatest<StatusSnapshot> updates = new FxLatest<>(status::set);

    // Poll thread only.
    private long tick;
    private long cachedEvents = -1;
    private String countError;

    public StatusViewModel(EventStore store, IngestMetrics metrics, String sourceDescription) {
        this.store = store;
        this.metrics = metrics;
        this.sourceDescription = sourceDescription;
    }

    public void start() {
        executor.scheduleAtFixedRate(this::poll, 0, 1, TimeUnit.SECONDS);
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    public ReadOnlyObjectProperty<StatusSnapshot> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String sourceDescription() {
        return sourceDescription;
    }

    /** Poll thread. Never throws: an exception would silently cancel the schedule. */
    private void poll() {
        try {
            if (tick++ % COUNT_EVERY_SECONDS == 0) {
                try {
                    cachedEvents = store.count();
                    countError = null;
                } catch (RuntimeException e) {
                    countError = "Cache: " + e.getMessage();
                }
            }
            RateMeter.Rates rates = meter.next(metrics.snapshot(), System.nanoTime());
            IngestMetrics.Snapshot totals = rates.snapshot();
            String error = countError != null ? countError : totals.lastError();
            updates.publish(new StatusSnapshot(cachedEvents, rates.storedPerSecond(), totals.parseErrors(),
                    totals.apiCalls(), error));
        } catch (RuntimeException e) {
            updates.publish(new StatusSnapshot(cachedEvents, 0, 0, 0, "Status: " + e.getMessage()));
        }
    }
}
