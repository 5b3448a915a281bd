package io.watchpost.ui;

import io.watchpost.source.IngestMetrics;
import io.watchpost.store.EventStore;

import java.util.Objects;

/**
 * Everything the window needs from the rest of Watchpost, as plain objects: the cache to read events from, the
 * ingestion counters to chart, and a one-line description of where events come from.
 *
 * <p>The window only reads from these; it never starts or stops ingestion. {@code resources} is whatever the
 * wiring code wants closed when the application stops (ingestion pollers, the cache, a demo endpoint), closed by
 * {@link #close()}; use {@link #of} when the caller closes things itself.
 *
 * @param workbench         the engines behind the Sources, Rules and Alerts tabs, or null for the live view alone
 * @param sourceDescription shown in the header and status bar, e.g. "Demo: embedded CloudWatch endpoint http://127.0.0.1:4566"
 */
public record UiServices(EventStore store, IngestMetrics metrics, String sourceDescription, AutoCloseable resources,
                         Workbench workbench) implements AutoCloseable {

    public UiServices {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(metrics, "metrics");
        sourceDescription = sourceDescription == null ? "" : sourceDescription;
        resources = resources == null ? () -> { } : resources;
    }

    /** Services for the live view alone (no Sources, Rules or Alerts tabs). */
    public UiServices(EventStore store, IngestMetrics metrics, String sourceDescription, AutoCloseable resources) {
        this(store, metrics, sourceDescription, resources, null);
    }

    /** Services whose lifetime the caller manages: {@link #close()} does nothing. */
    public static UiServices of(EventStore store, IngestMetrics metrics, String sourceDescription) {
        return new UiServices(store, metrics, sourceDescription, null);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not close the window's services", e);
        }
    }
}
