package io.watchpost.ui.sources;

import io.watchpost.source.AwsProfile;
import io.watchpost.source.AwsSettings;
import io.watchpost.source.BackfillJob;
import io.watchpost.source.BackfillProgress;
import io.watchpost.source.ConnectionTest;
import io.watchpost.source.GroupSnapshot;
import io.watchpost.source.IngestEngine;
import io.watchpost.source.IngestMode;
import io.watchpost.ui.common.BackgroundExecutors;
import io.watchpost.ui.common.FxLatest;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives an {@link IngestEngine} for the Sources view and holds what the view shows. Properties are read and
 * commands called on the FX thread; every engine or AWS call runs on a background thread of its own, so a slow
 * endpoint never freezes the window:
 * <ul>
 *   <li>a poll thread reads {@code engine.snapshots()} every {@value #REFRESH_MILLIS} ms and hands the whole table
 *       to the FX thread as one value ({@link FxLatest}: a slow FX thread skips refreshes, it never queues them);</li>
 *   <li>an engine thread runs follow/unfollow/startBackfill (follow asks DescribeLogGroups for Live Tail's ARN,
 *       unfollow waits for in-flight pages);</li>
 *   <li>a test thread and a search thread for the connection test and the log group search, apart so a connection
 *       test stuck on a timeout does not hold up a search.</li>
 * </ul>
 * Backfill progress arrives from the engine's reading threads and is coalesced the same way.
 */
public final class SourcesViewModel {

    static final long REFRESH_MILLIS = 500;

    /** The choice "no named profile": the SDK's default credential chain. */
    public static final AwsProfile DEFAULT_CREDENTIALS = new AwsProfile("", null, "default chain");

    private final IngestEngine engine;
    private final SourceLookups lookups;

    private final ScheduledExecutorService poller = BackgroundExecutors.singleThread("watchpost-sources-poll");
    private final ScheduledExecutorService engineCalls = BackgroundExecutors.singleThread("watchpost-sources-engine");
    private final ScheduledExecutorService testCalls = BackgroundExecutors.singleThread("watchpost-sources-test");
    private final ScheduledExecutorService searchCalls = BackgroundExecutors.singleThread("watchpost-sources-search");
    private final ScheduledExecutorService backfillWaits = BackgroundExecutors.singleThread("watchpost-sources-backfill");

    // Written on the FX and engine threads, read by the poll thread.
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> followErrors = new ConcurrentHashMap<>();

    // Connection form.
    private final ObservableList<AwsProfile> profiles = FXCollections.observableArrayList(DEFAULT_CREDENTIALS);
    private final ObjectProperty<AwsProfile> profile = new SimpleObjectProperty<>(DEFAULT_CREDENTIALS);
    private final StringProperty region = new SimpleStringProperty();
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ConnectionTest> connectionTest = new ReadOnlyObjectWrapper<>();

    // Log group search.
    private final StringProperty prefix = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> searchResults = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper searchMessage = new ReadOnlyStringWrapper("");

    // Sources table.
    private final ObservableList<SourceRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<SourceStatus>> lastRefresh = new ReadOnlyObjectWrapper<>(List.of());
    private final FxLatest<List<SourceStatus>> refreshes = new FxLatest<>(this::applyRefresh);

    // Backfill.
    private final ReadOnlyObjectWrapper<BackfillProgress> backfill = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper();
    private final FxLatest<BackfillProgress> backfillUpdates = new FxLatest<>(this::applyBackfill);
    private final AtomicReference<BackfillJob> job = new AtomicReference<>();
    private volatile boolean cancelRequested;
    private final BooleanBinding backfillRunning = Bindings.createBooleanBinding(
            () -> backfill.get() != null && !backfill.get().finished(), backfill);

    public SourcesViewModel(IngestEngine engine, SourceLookups lookups) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        AwsSettings s = engine.settings();
        region.set(s.region());
        endpoint.set(s.endpoint() == null ? "" : s.endpoint().toString());
        // Groups the session already follows (the demo follows all of its groups) show from the start.
        for (GroupSnapshot snapshot : engine.snapshots()) {
            followed.add(snapshot.logGroup());
        }
        profile.addListener((obs, old, p) -> {
            if (p != null && p.region() != null) {
                region.set(p.region());
            }
        });
    }

    /** Starts refreshing the table and loads the profile list. */
    public void start() {
        poller.scheduleAtFixedRate(this::refresh, 0, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        String wanted = engine.settings().profile();
        searchCalls.execute(() -> {
            try {
                List<AwsProfile> found = lookups.listProfiles();
                Platform.runLater(() -> {
                    profiles.setAll(DEFAULT_CREDENTIALS);
                    profiles.addAll(found);
                    found.stream().filter(p -> p.name().equals(wanted)).findFirst().ifPresent(profile::set);
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> searchMessage.set("Could not read AWS profiles: " + e.getMessage()));
            }
        });
    }

    /** Stops this view model's threads. The engine is the session's: it keeps running (and stops with the session). */
    public void shutdown() {
        poller.shutdownNow();
        engineCalls.shutdownNow();
        testCalls.shutdownNow();
        searchCalls.shutdownNow();
        backfillWaits.shutdownNow();
    }

    // ------------------------------------------------------------------ connection form

    public ObservableList<AwsProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<AwsProfile> profileProperty() {
        return profile;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public List<String> regions() {
        return AwsRegions.NAMES;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionTest> connectionTestProperty() {
        return connectionTest.getReadOnlyProperty();
    }

    /** Where the engine reads from; following always uses this, whatever the form says. */
    public String engineSource() {
        AwsSettings s = engine.settings();
        return (s.endpoint() == null ? "AWS" : s.endpoint().toString()) + " · " + s.region()
                + (s.profile() == null ? "" : " · profile " + s.profile());
    }

    /**
     * True when the form names another source than the engine reads: search and test follow the form, but a group
     * followed from there is still read through the engine's source (switching needs a new engine, i.e. session).
     */
    public BooleanBinding formDiffersFromEngineBinding() {
        return Bindings.createBooleanBinding(() -> {
            try {
                AwsSettings form = formSettings();
                AwsSettings e = engine.settings();
                return !Objects.equals(form.endpoint(), e.endpoint()) || !form.region().equals(e.region())
                        || !Objects.equals(form.profile(), e.profile());
            } catch (IllegalArgumentException ex) {
                return true;
            }
        }, profile, region, endpoint);
    }

    /** The form as settings: region, optional endpoint override, optional profile. */
    AwsSettings formSettings() {
        String e = endpoint.get() == null ? "" : endpoint.get().trim();
        URI uri = null;
        if (!e.isEmpty()) {
            try {
                uri = new URI(e);
            } catch (URISyntaxException ex) {
                throw new IllegalArgumentException("the endpoint override is not a URL: " + e);
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("the endpoint override needs a scheme and host, e.g. https://logs.eu-west-1.amazonaws.com");
            }
        }
        AwsProfile p = profile.get();
        String name = p == null || p.name().isEmpty() ? null : p.name();
        return new AwsSettings(uri, region.get(), name);
    }

    /** Asks STS who the credentials are and whether CloudWatch Logs answers; the answer lands in {@link #connectionTestProperty()}. */
    public void testConnection() {
        AwsSettings settings;
        try {
            settings = formSettings();
        } catch (IllegalArgumentException e) {
            connectionTest.set(new ConnectionTest(false, null, null, false, e.getMessage()));
            return;
        }
        testing.set(true);
        connectionTest.set(null);
        testCalls.execute(() -> {
            ConnectionTest result;
            try {
                result = lookups.testConnection(settings);
            } catch (RuntimeException e) {
                result = new ConnectionTest(false, null, null, false, String.valueOf(e.getMessage()));
            }
            ConnectionTest r = result;
            Platform.runLater(() -> {
                connectionTest.set(r);
                testing.set(false);
            });
        });
    }

    // ------------------------------------------------------------------ log group search

    public StringProperty prefixProperty() {
        return prefix;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ObservableList<String> searchResults() {
        return FXCollections.unmodifiableObservableList(searchResults);
    }

    public ReadOnlyStringProperty searchMessageProperty() {
        return searchMessage.getReadOnlyProperty();
    }

    /** DescribeLogGroups by prefix, every page. */
    public void searchLogGroups() {
        AwsSettings settings;
        try {
            settings = formSettings();
        } catch (IllegalArgumentException e) {
            searchMessage.set(e.getMessage());
            return;
        }
        String p = prefix.get() == null ? "" : prefix.get().trim();
        searching.set(true);
        searchMessage.set("Searching…");
        searchCalls.execute(() -> {
            try {
                List<String> found = lookups.listLogGroups(settings, p);
                Platform.runLater(() -> {
                    searchResults.setAll(found);
                    searchMessage.set(found.size() + (found.size() == 1 ? " log group" : " log groups")
                            + (p.isEmpty() ? "" : " starting with " + p));
                    searching.set(false);
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    searchResults.clear();
                    searchMessage.set(String.valueOf(e.getMessage()));
                    searching.set(false);
                });
            }
        });
    }

    // ------------------------------------------------------------------ followed groups

    public ObservableList<SourceRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The statuses of the last refresh applied, in table order (for tests and a future chart). */
    public ReadOnlyObjectProperty<List<SourceStatus>> lastRefreshProperty() {
        return lastRefresh.getReadOnlyProperty();
    }

    /** Adds groups to the followed set: a row appears at the next refresh, its mode once the engine starts it. */
    public void follow(Collection<String> groups) {
        List<String> added = new ArrayList<>();
        for (String g : groups) {
            if (followed.add(g)) {
                added.add(g);
            }
        }
        for (String g : added) {
            followErrors.remove(g);
            engineCalls.execute(() -> {
                try {
                    engine.follow(g);
                } catch (RuntimeException e) {
                    followErrors.put(g, String.valueOf(e.getMessage()));
                }
            });
        }
        refreshSoon();
    }

    /** Removes groups from the followed set; the engine stops them after their in-flight pages commit. */
    public void unfollow(Collection<String> groups) {
        for (String g : List.copyOf(groups)) {
            if (followed.remove(g)) {
                followErrors.remove(g);
                engineCalls.execute(() -> engine.unfollow(g));
            }
        }
        refreshSoon();
    }

    private void refreshSoon() {
        if (!poller.isShutdown()) {
            poller.execute(this::refresh);
        }
    }

    /** Poll thread. Never throws: an exception would cancel the schedule. */
    private void refresh() {
        try {
            Map<String, GroupSnapshot> byGroup = new HashMap<>();
            for (GroupSnapshot s : engine.snapshots()) {
                byGroup.put(s.logGroup(), s);
            }
            long now = System.currentTimeMillis();
            List<SourceStatus> out = new ArrayList<>();
            for (String g : new java.util.TreeSet<>(followed)) {
                GroupSnapshot s = byGroup.get(g);
                String error = followErrors.get(g);
                out.add(s == null ? SourceStatus.starting(g, engine.mode(g), now, error)
                        : new SourceStatus(s, engine.liveTailUnavailableReason(g).orElse(null), error));
            }
            refreshes.publish(List.copyOf(out));
        } catch (RuntimeException e) {
            // The engine's snapshots are in-memory; a failure here is a bug, but the table must keep refreshing.
            org.slf4j.LoggerFactory.getLogger(SourcesViewModel.class).warn("sources refresh failed", e);
        }
    }

    /** FX thread: the whole table in one pass — update rows in place, add new ones, drop unfollowed ones. */
    private void applyRefresh(List<SourceStatus> statuses) {
        Map<String, SourceRow> existing = new HashMap<>();
        for (SourceRow r : rows) {
            existing.put(r.logGroup(), r);
        }
        Set<String> current = new LinkedHashSet<>();
        List<SourceRow> added = new ArrayList<>();
        for (SourceStatus s : statuses) {
            current.add(s.logGroup());
            SourceRow row = existing.get(s.logGroup());
            if (row == null) {
                added.add(new SourceRow(s));
            } else if (!row.status().equals(s)) {
                row.update(s);
            }
        }
        if (existing.size() > current.size() - added.size()) {
            rows.removeIf(r -> !current.contains(r.logGroup()));
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
        lastRefresh.set(statuses);
    }

    // ------------------------------------------------------------------ backfill

    /** The running or last backfill's progress, or null before the first. */
    public ReadOnlyObjectProperty<BackfillProgress> backfillProperty() {
        return backfill.getReadOnlyProperty();
    }

    public BooleanBinding backfillRunningBinding() {
        return backfillRunning;
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** Starts reading {@code range} of {@code group}; one backfill at a time from this view. */
    public void startBackfill(String group, BackfillRange range) {
        if (backfillRunning.get()) {
            throw new IllegalStateException("a backfill is already running");
        }
        cancelRequested = false;
        cancelling.set(false);
        backfill.set(new BackfillProgress(group, range.startMillis(), range.endMillis(), 0, 0, -1,
                IngestMode.BACKFILL, null));
        engineCalls.execute(() -> {
            BackfillJob started;
            try {
                started = engine.startBackfill(group, range.startMillis(), range.endMillis(), backfillUpdates::publish);
            } catch (RuntimeException e) {
                backfillUpdates.publish(failed(group, range, e));
                return;
            }
            job.set(started);
            if (cancelRequested) {
                started.cancel();
            }
            // The listener hears the final state too, but a backfill that throws only tells await().
            backfillWaits.execute(() -> {
                try {
                    backfillUpdates.publish(started.await());
                } catch (RuntimeException e) {
                    backfillUpdates.publish(failed(group, range, e));
                }
            });
        });
    }

    /** Stops the running backfill after its in-flight pages commit; it ends STOPPED and resumes if started again. */
    public void cancelBackfill() {
        if (!backfillRunning.get()) {
            return;
        }
        cancelRequested = true;
        cancelling.set(true);
        BackfillJob j = job.get();
        if (j != null) {
            j.cancel();
        }
    }

    private void applyBackfill(BackfillProgress p) {
        BackfillProgress current = backfill.get();
        // A page committed on a slow lane can report after the final state: a finished backfill stays finished.
        if (current != null && current.finished() && !p.finished() && current.logGroup().equals(p.logGroup())) {
            return;
        }
        backfill.set(p);
        if (p.finished()) {
            cancelling.set(false);
            job.set(null);
        }
    }

    private static BackfillProgress failed(String group, BackfillRange range, RuntimeException e) {
        return new BackfillProgress(group, range.startMillis(), range.endMillis(), 0, 0, -1, IngestMode.FAILED,
                String.valueOf(e.getMessage()));
    }
}
