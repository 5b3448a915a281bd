package io.watchpost.ui.events;

import io.watchpost.store.EventStore;
import io.watchpost.store.StoredEvent;
import io.watchpost.ui.common.BackgroundExecutors;
import io.watchpost.ui.common.FxBatcher;
import io.watchpost.ui.common.FxLatest;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows the cache for the events table. A background thread asks the store for events stored after the last
 * one it saw every {@value #POLL_MILLIS} ms; the rows reach the FX thread as one batch per poll (fewer when the FX
 * thread is busy), newest first, capped at {@link #rowCap()} rows so the table stays smooth under a flood.
 *
 * <p>Only FX-thread code touches {@link #rows()} and the detail properties; only the poll thread touches
 * {@code lastSeq}.
 */
public final class EventsViewModel {

    public static final int DEFAULT_ROW_CAP = 5_000;
    static final long POLL_MILLIS = 500;
    private static final int PAGE = 1_000;
    // Bounds one poll's catch-up work; anything left is read on the next poll, half a second later.
    private static final int MAX_PAGES_PER_POLL = 20;
    /**
     * At most this many new rows reach the table per poll (4,000 a second): under a fast ingest (50,000 events/s) the
     * table jumps to the newest instead of reading, wrapping and handing the FX thread rows that would scroll out
     * of the capped table before anyone saw them. Every event stays in the cache for the Explorer.
     */
    static final int MAX_ROWS_PER_POLL = 2_000;

    private final EventStore store;
    private final int rowCap;
    private final ScheduledExecutorService executor = BackgroundExecutors.singleThread("watchpost-events-poll");
    private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
    private final FxBatcher<EventRow> arrivals = new FxBatcher<>(this::prependNewest);
    private final ReadOnlyObjectWrapper<EventDetail> detail = new ReadOnlyObjectWrapper<>(EventDetail.EMPTY);
    private final FxLatest<DetailResult> detailResults = new FxLatest<>(this::showDetail);
    private final ReadOnlyStringWrapper pollError = new ReadOnlyStringWrapper();
    private final FxLatest<String> pollErrors = new FxLatest<>(message -> pollError.set(message.isEmpty() ? null : message));

    private long lastSeq = -1;
    private boolean lastPollFailed;
    // Which selection the detail pane should show; a slow result for an older selection is dropped.
    private long selectionGeneration;

    private record DetailResult(long generation, EventDetail detail) {
    }

    public EventsViewModel(EventStore store) {
        this(store, DEFAULT_ROW_CAP);
    }

    public EventsViewModel(EventStore store, int rowCap) {
        this.store = store;
        this.rowCap = rowCap;
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    /** Newest first. FX thread only. */
    public ObservableList<EventRow> rows() {
        return rows;
    }

    public int rowCap() {
        return rowCap;
    }

    public ReadOnlyObjectProperty<EventDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Why the last poll of the cache failed, or null while polling works. */
    public ReadOnlyStringProperty pollErrorProperty() {
        return pollError.getReadOnlyProperty();
    }

    /** Called on the FX thread when the table selection changes; the detail is formatted in the background. */
    public void select(EventRow row) {
        long generation = ++selectionGeneration;
        if (row == null) {
            detail.set(EventDetail.EMPTY);
            return;
        }
        executor.execute(() -> detailResults.publish(new DetailResult(generation, EventDetail.of(row.source()))));
    }

    private void showDetail(DetailResult result) {
        if (result.generation() == selectionGeneration) {
            detail.set(result.detail());
        }
    }

    /** Poll thread. Never throws: an exception would silently cancel the scheduled poll. */
    private void poll() {
        try {
            long newest = store.maxSeq();
            if (lastSeq < 0) {
                // Start with the newest rowCap events rather than replaying the whole cache into a capped table.
                lastSeq = Math.max(0, newest - rowCap);
            } else if (newest - lastSeq > MAX_ROWS_PER_POLL) {
                lastSeq = newest - MAX_ROWS_PER_POLL;
            }
            List<EventRow> fresh = new ArrayList<>();
            for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
                List<StoredEvent> events = store.after(lastSeq, PAGE);
                for (StoredEvent e : events) {
                    fresh.add(EventRow.of(e));
                }
                if (!events.isEmpty()) {
                    lastSeq = events.get(events.size() - 1).seq();
                }
                if (events.size() < PAGE) {
                    break;
                }
            }
            if (fresh.size() > rowCap) {
                fresh = fresh.subList(fresh.size() - rowCap, fresh.size());
            }
            arrivals.addAll(fresh);
            if (lastPollFailed) {
                lastPollFailed = false;
                pollErrors.publish("");
            }
        } catch (RuntimeException e) {
            lastPollFailed = true;
            pollErrors.publish("Reading the cache failed: " + e.getMessage());
        }
    }

    /** FX thread: one list change for the whole batch, then one to drop the oldest rows over the cap. */
    private void prependNewest(List<EventRow> batchOldestFirst) {
        List<EventRow> newestFirst = new ArrayList<>(batchOldestFirst);
        Collections.reverse(newestFirst);
        if (newestFirst.size() > rowCap) {
            newestFirst = newestFirst.subList(0, rowCap);
        }
        rows.addAll(0, newestFirst);
        if (rows.size() > rowCap) {
            rows.remove(rowCap, rows.size());
        }
    }
}
