package io.watchpost.ui.dashboard;

import io.watchpost.store.RollupQueries;
import io.watchpost.store.TalkerKind;
import io.watchpost.store.TimeRange;
import io.watchpost.ui.common.BackgroundExecutors;
import io.watchpost.ui.common.FxLatest;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Dashboard's state and refresh loop. A single background thread queries the rollups (about once a second for
 * windows up to an hour, every ten seconds beyond); the newest result is applied on the FX thread in one step, at
 * most one application pending. Pausing stops the queries and keeps what is drawn.
 */
public final class DashboardViewModel {

    static final long FAST_REFRESH_MILLIS = 1_000;
    static final long SLOW_REFRESH_MILLIS = 10_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final DashboardLoader loader;
    private final RollupQueries queries;
    private final Consumer<ExplorerRequest> openExplorer;
    private final LongSupplier clock;
    private final BooleanSupplier ingesting;
    private final ScheduledExecutorService executor = BackgroundExecutors.singleThread("watchpost-dashboard-refresh");
    private final FxLatest<DashboardData> results = new FxLatest<>(this::apply);
    private final DashboardDataSets dataSets = new DashboardDataSets();

    private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(TimeWindow.PRESETS.get(0));
    private final ObjectProperty<String> anomalyGroup = new SimpleObjectProperty<>();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<DashboardData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("loading…");

    // What the background thread reads: copies of the FX-side properties, so it never touches them.
    private final AtomicReference<TimeWindow> windowForQueries = new AtomicReference<>(window.get());
    private final AtomicReference<String> groupForQueries = new AtomicReference<>();
    private final AtomicBoolean pausedForQueries = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong slowestApplyNanos = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastLoadMillis;
    private volatile boolean started;

    /** @param ingesting whether any source is being read (asked off the FX thread, once a refresh) */
    public DashboardViewModel(RollupQueries queries, Supplier<List<AlertMarker>> alerts, Consumer<ExplorerRequest> openExplorer,
                              BooleanSupplier ingesting) {
        this(queries, alerts, openExplorer, ingesting, System::currentTimeMillis);
    }

    DashboardViewModel(RollupQueries queries, Supplier<List<AlertMarker>> alerts, Consumer<ExplorerRequest> openExplorer,
                       BooleanSupplier ingesting, LongSupplier clock) {
        this.queries = queries;
        this.ingesting = ingesting;
        this.loader = new DashboardLoader(queries, alerts);
        this.openExplorer = openExplorer;
        this.clock = clock;
        window.addListener((obs, old, w) -> {
            windowForQueries.set(w);
            refreshNow();
        });
        anomalyGroup.addListener((obs, old, g) -> {
            groupForQueries.set(g);
            refreshNow();
        });
        paused.addListener((obs, old, p) -> {
            pausedForQueries.set(p);
            updateStatus();
            if (!p) {
                refreshNow();
            }
        });
    }

    /** Starts the refresh loop; call once, after the view is built. */
    public void start() {
        if (!started) {
            started = true;
            executor.scheduleWithFixedDelay(this::tick, 0, 250, TimeUnit.MILLISECONDS);
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    /** Queries again at once (a new window, a new group, resumed), paused or not: the user asked for it. */
    public void refreshNow() {
        if (started) {
            executor.execute(this::load);
        }
    }

    private void tick() {
        TimeWindow w = windowForQueries.get();
        long period = w.live() && w.span().toMillis() <= 3_600_000 ? FAST_REFRESH_MILLIS : SLOW_REFRESH_MILLIS;
        if (!pausedForQueries.get() && clock.getAsLong() - lastLoadMillis >= period) {
            load();
        }
    }

    private void load() {
        try {
            long now = clock.getAsLong();
            lastLoadMillis = now;
            DashboardData d = loader.load(windowForQueries.get(), groupForQueries.get(), now, ingesting.getAsBoolean());
            // The points go into the data sets here, under their locks: the FX thread only redraws them.
            dataSets.write(d);
            results.publish(d);
        } catch (RuntimeException e) {
            String message = "cannot read the rollups: " + e.getMessage();
            Platform.runLater(() -> status.set(message));
        }
    }

    private void apply(DashboardData d) {
        long start = System.nanoTime();
        dataSets.showStack(d);
        data.set(d);
        updateStatus();
        slowestApplyNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
    }

    /** The longest one refresh has held the FX thread (data sets, axes, lists), and resets it: for the stall bench. */
    public long takeSlowestApplyNanos() {
        return slowestApplyNanos.getAndSet(0);
    }

    private void updateStatus() {
        DashboardData d = data.get();
        String asOf = d == null ? "" : " — as of " + CLOCK.format(Instant.ofEpochMilli(d.takenAtMillis())) + " UTC";
        String idle = d != null && !d.ingesting() ? " · no source ingesting" : "";
        status.set((paused.get() ? "Paused" + asOf : d == null ? "loading…" : "Live" + asOf) + idle);
    }

    /** Why a chart is empty, or "" when it has something to show. */
    public String emptyReason(boolean chartHasData) {
        if (chartHasData) {
            return "";
        }
        DashboardData d = data.get();
        if (d == null) {
            return paused.get() ? "paused" : "loading…";
        }
        String why;
        if (d.rollups().building()) {
            why = building(d);
        } else if (!d.ingesting() && (d.window().live() || !d.hasEvents())) {
            why = "no events in this window — no source is ingesting (add one under Sources)";
        } else {
            why = "no events in this window";
        }
        return paused.get() ? "paused — " + why : why;
    }

    /** A corner note while a chart has data but the rollups are still catching up (what it shows is partial), else "". */
    public String buildingNote() {
        DashboardData d = data.get();
        return d != null && d.rollups().building() ? building(d) : "";
    }

    private static String building(DashboardData d) {
        return String.format(java.util.Locale.ROOT, "building rollups… %d %% of the cache counted", (int) Math.floor(d.rollups().share() * 100));
    }

    /** "Everything cached": a custom window over the rollups' extent, or empty when the cache is empty. Blocking: call off the FX thread. */
    public Optional<TimeWindow> wholeCacheWindow() {
        return queries.extent().map(r -> TimeWindow.custom("Everything cached", r));
    }

    public static TimeWindow customWindow(TimeRange range) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
        return TimeWindow.custom(f.format(Instant.ofEpochMilli(range.fromMillis())) + " – "
                + f.format(Instant.ofEpochMilli(range.toMillis())) + " UTC", range);
    }

    /** Looks up what the cache holds off the FX thread and hands it (null: nothing) to {@code onFx} on the FX thread. */
    public void cacheExtent(Consumer<TimeRange> onFx) {
        executor.execute(() -> {
            try {
                TimeRange extent = queries.extent().orElse(null);
                Platform.runLater(() -> onFx.accept(extent));
            } catch (RuntimeException e) {
                String message = "cannot read the rollups: " + e.getMessage();
                Platform.runLater(() -> status.set(message));
            }
        });
    }

    /** Opens the background thread's work for a custom window: looked up off the FX thread, then selected. */
    public void selectWholeCache() {
        executor.execute(() -> wholeCacheWindow().ifPresent(w -> Platform.runLater(() -> window.set(w))));
    }

    void openThroughputBucket(double xSeconds, double y) {
        Optional.ofNullable(data.get()).flatMap(d -> BucketRequests.throughput(d, xSeconds, y)).ifPresent(openExplorer);
    }

    void openLatencyBucket(double xSeconds) {
        Optional.ofNullable(data.get()).flatMap(d -> BucketRequests.latency(d, xSeconds)).ifPresent(openExplorer);
    }

    void openAnomalyBucket(double xSeconds) {
        Optional.ofNullable(data.get()).flatMap(d -> BucketRequests.anomaly(d, xSeconds)).ifPresent(openExplorer);
    }

    void openTalker(TalkerKind kind, String value) {
        DashboardData d = data.get();
        if (d != null) {
            openExplorer.accept(BucketRequests.talker(kind, value, d));
        }
    }

    public DashboardDataSets dataSets() {
        return dataSets;
    }

    public ObjectProperty<TimeWindow> windowProperty() {
        return window;
    }

    public ObjectProperty<String> anomalyGroupProperty() {
        return anomalyGroup;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyObjectProperty<DashboardData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
