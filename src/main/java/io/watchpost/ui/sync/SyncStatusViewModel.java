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

    /** Shown while no sync runs (no settings saved yet). */
    static final String NOT_CONFIGURED = "not configured: enter the team database below";

    private final Supplier<SyncStatus> source;
    private final Supplier<String> targetSource;
    private final ZoneId zone;
    private final ScheduledExecutorService executor = BackgroundExecutors.singleThread("watchpost-sync-status-poll");
    private final FxLatest<Snapshot> updates = new FxLatest<>(this::show);
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper("");

    /** One poll: the status (null while no sync runs) and the target it is for. */
    private record Snapshot(SyncStatus status, String target) {
    }

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
        this(source, () -> target, zone);
        Objects.requireNonNull(target, "target");
    }

    /**
     * For a sync that settings can restart: {@code source} returns null while none runs, and {@code target} (polled
     * with it) the current server without password, or "".
     */
    public SyncStatusViewModel(Supplier<SyncStatus> source, Supplier<String> target, ZoneId zone) {
        this.source = Objects.requireNonNull(source, "source");
        this.targetSource = Objects.requireNonNull(target, "target");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.target.set(String.valueOf(target.get()));
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    private void poll() {
        updates.publish(new Snapshot(source.get(), targetSource.get()));
    }

    /** On the FX thread: every property from one snapshot. */
    private void show(Snapshot snapshot) {
        target.set(snapshot.target() == null ? "" : snapshot.target());
        SyncStatus s = snapshot.status();
        if (s == null) {
            state.set(SyncStatus.State.STOPPED);
            summary.set(NOT_CONFIGURED);
            backlog.set(-1);
            return;
        }
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
        return target.get();
    }

    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
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
