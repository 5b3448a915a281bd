package io.watchpost.detect.alerts;

import io.watchpost.detect.Alert;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.normalize.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Live detection for a running app: ingestion hands it each batch of events it has stored; the sink feeds them to
 * the engine in event-time order and saves the alerts raised or updated. Batches may come from any thread, one at a
 * time is fed (the engine has one feeding thread by contract). A failed save is logged, not thrown, so that a
 * problem with alerts never stops ingestion.
 */
public final class AlertingSink implements Consumer<List<Event>> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertingSink.class);

    private final DetectionEngine engine;
    private final AlertStore store;
    private final List<Consumer<List<Alert>>> listeners = new CopyOnWriteArrayList<>();

    public AlertingSink(DetectionEngine engine, AlertStore store) {
        this.engine = engine;
        this.store = store;
    }

    /** Called on the feeding thread after each batch that raised or updated alerts, with those alerts as saved. */
    public void addListener(Consumer<List<Alert>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<Alert>> listener) {
        listeners.remove(listener);
    }

    @Override
    public void accept(List<Event> batch) {
        List<Alert> raised = feed(batch);
        if (raised.isEmpty()) {
            return;
        }
        try {
            store.saveAll(raised);
        } catch (RuntimeException e) {
            LOG.error("could not save {} alerts", raised.size(), e);
            return;
        }
        for (Consumer<List<Alert>> l : listeners) {
            l.accept(raised);
        }
    }

    /** The alerts in their last state after the batch (one per id). */
    private synchronized List<Alert> feed(List<Event> batch) {
        List<Event> sorted = new ArrayList<>(batch);
        sorted.sort(Comparator.comparing(Event::eventTime));
        Map<String, Alert> latest = new LinkedHashMap<>();
        for (Event e : sorted) {
            for (Alert a : engine.accept(e)) {
                latest.put(a.id(), a);
            }
        }
        return new ArrayList<>(latest.values());
    }
}
