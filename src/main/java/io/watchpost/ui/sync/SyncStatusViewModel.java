package io.watchpost.ui.sync;

import io.watchpost.sync.SyncStatus;
import io.watchpost.ui.common.BackgroundExecutors;
import io.watchpost.ui.common.FxLatest;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Feeds {@link SyncStatusView}. A background thread reads the sync service's status snapshot every
 * {@value #POLL_MILLIS} ms (a cheap in-memory read, no SQL); the newest snapshot reaches the FX thread as one
 * {@code runLater}, which sets all properties together. A push of a thousand batches is still two updates a second.
 */
public final class SyncStatusViewModel {

    static final long POLL_MILLIS = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Supplier<SyncStatus> source;
    private final String target;
    private final ZoneId zone;
    private final ScheduledExecutorService executor = BackgroundExecutors.singleThread("watchpost-sync-status-poll");
    private final FxLatest<SyncStatus> updates = new FxLatest<>(this::show);

    private final ReadOnlyObjectWrapper<SyncStatus.State> state = new ReadOnlyObjectWrapper<>(SyncStatus.State.STARTING);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("starting");
    private final ReadOnlyLongWrapper backlog = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyDoubleWrapper rowsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper lastSuccess = new ReadOnlyStringWrapper("never");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("");

    /**
     * @param source the status to show, usually {@code syncService::status}; called on a background thread
     * @param target what is synced to, already without password (e.g. {@code PgTarget.redacted()})
     * @param zone   the zone times are shown in
     */
    public SyncStatusViewModel(Supplier<SyncStatus> source, String target, ZoneId zone) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    private void poll() {
        SyncStatus s = source.get();
        if (s != null) {
            updates.publish(s);
        }
    }

    /** On the FX thread: every property from one snapshot. */
    private void show(SyncStatus s) {
        state.set(s.state());
        summary.set(s.describe());
        backlog.set(s.backlog());
        rowsPerSecond.set(s.rowsPerSecond());
        lastSuccess.set(format(s.lastSuccessAt()));
        lastError.set(s.lastError() == null ? "" : s.lastError() + " (" + format(s.lastErrorAt()) + ")");
    }

    private String format(Instant t) {
        return t == null ? "never" : TIME.format(t.atZone(zone));
    }

    public String target() {
        return target;
    }

    public ReadOnlyObjectProperty<SyncStatus.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty backlogProperty() {
        return backlog.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rowsPerSecondProperty() {
        return rowsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSuccessProperty() {
        return lastSuccess.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }
}
