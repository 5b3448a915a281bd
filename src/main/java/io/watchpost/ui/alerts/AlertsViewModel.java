package io.watchpost.ui.alerts;

import io.watchpost.detect.EventRef;
import io.watchpost.detect.RuleSeverity;
import io.watchpost.detect.alerts.AlertFilter;
import io.watchpost.detect.alerts.AlertStore;
import io.watchpost.detect.alerts.StoredAlert;
import io.watchpost.detect.alerts.TriageState;
import io.watchpost.store.TeamState;
import io.watchpost.ui.common.BackgroundExecutors;
import io.watchpost.ui.common.CoalescedReload;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Feeds {@link AlertsView}: the stored alerts (open ones, or all), triage changes written through the
 * {@link AlertStore} on a background thread, and "show events" handed to whoever opens events (the Explorer).
 * Public methods are for the FX thread except {@link #refresh()}, which any thread may call (e.g. an
 * {@code AlertingSink} listener after new alerts were saved).
 */
public final class AlertsViewModel {

    /** Which alerts the table lists. */
    public enum Scope {
        OPEN("open (new, acknowledged)"), ALL("all"), CLOSED("closed");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final int LIMIT = 1000;

    private final AlertStore store;
    private final Consumer<List<EventRef>> showEvents;
    private final ScheduledExecutorService background = BackgroundExecutors.singleThread("watchpost-alerts");
    private final CoalescedReload reload = new CoalescedReload(background, this::reload);
    /** What the list shows, set on the FX thread from scope and severity, read by the reload in the background. */
    private volatile AlertFilter filter = filter(Scope.OPEN, RuleSeverity.INFORMATIONAL);

    private final TeamState.Subscription teamChanges;

    private final ObservableList<StoredAlert> alerts = FXCollections.observableArrayList();
    /** Alerts whose triage here lost to another workstation's, by alert id. */
    private final ObservableMap<String, TeamState.Overwrite> overwrites = FXCollections.observableHashMap();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.OPEN);
    private final ObjectProperty<RuleSeverity> minSeverity = new SimpleObjectProperty<>(RuleSeverity.INFORMATIONAL);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /**
     * @param store      where alerts and their triage live
     * @param showEvents opens an alert's events (the app connects it to the Explorer); called on the FX thread
     */
    public AlertsViewModel(AlertStore store, Consumer<List<EventRef>> showEvents) {
        this.store = store;
        this.showEvents = showEvents;
        // another workstation's triage lands in the store on the sync's thread: show it
        teamChanges = store.team().subscribe(AlertStore.TRIAGE, (id, body, deleted) -> refresh());
        scope.addListener((o, a, b) -> filterChanged());
        minSeverity.addListener((o, a, b) -> filterChanged());
    }

    private void filterChanged() {
        filter = filter(scope.get(), minSeverity.get());
        refresh();
    }

    /** Re-reads the list in the background; safe from any thread. A burst of calls reads it once or twice. */
    public void refresh() {
        reload.request();
    }

    private void reload() {
        try {
            List<StoredAlert> rows = store.list(filter);
            Map<String, TeamState.Overwrite> marked = store.team().overwrites(AlertStore.TRIAGE);
            Platform.runLater(() -> {
                overwrites.keySet().retainAll(marked.keySet());
                overwrites.putAll(marked);
                alerts.setAll(rows);
                status.set(rows.size() + (rows.size() == LIMIT ? "+" : "") + (rows.size() == 1 ? " alert" : " alerts"));
            });
        } catch (RuntimeException e) {
            Platform.runLater(() -> status.set("cannot read alerts: " + e.getMessage()));
        }
    }

    static AlertFilter filter(Scope scope, RuleSeverity min) {
        Set<TriageState> states = switch (scope) {
            case OPEN -> EnumSet.of(TriageState.NEW, TriageState.ACKNOWLEDGED);
            case CLOSED -> EnumSet.of(TriageState.CLOSED_TRUE_POSITIVE, TriageState.CLOSED_FALSE_POSITIVE);
            case ALL -> EnumSet.noneOf(TriageState.class);
        };
        Set<RuleSeverity> severities = min == null || min == RuleSeverity.INFORMATIONAL ? Set.of()
                : EnumSet.range(min, RuleSeverity.CRITICAL);
        return new AlertFilter(states, severities, LIMIT);
    }

    /** Sets an alert's triage state and note, then refreshes the list. */
    public void triage(StoredAlert alert, TriageState state, String note) {
        background.execute(() -> {
            try {
                store.setState(alert.alert().id(), state, note);
                Platform.runLater(() -> status.set(alert.alert().ruleTitle() + ": " + state.label()));
                refresh();
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.set("cannot save triage: " + e.getMessage()));
            }
        });
    }

    /** The user saw that this alert's triage was overwritten by another workstation's: clears the marker. */
    public void acknowledgeOverwrite(StoredAlert alert) {
        background.execute(() -> {
            store.team().acknowledge(AlertStore.TRIAGE, alert.alert().id());
            refresh();
        });
    }

    /** Markers by alert id; read on the FX thread. */
    public ObservableMap<String, TeamState.Overwrite> overwrites() {
        return overwrites;
    }

    public void showEvents(StoredAlert alert) {
        if (alert != null) {
            showEvents.accept(alert.alert().events());
        }
    }

    public void shutdown() {
        teamChanges.close();
        background.shutdownNow();
    }

    public ObservableList<StoredAlert> alerts() {
        return alerts;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<RuleSeverity> minSeverityProperty() {
        return minSeverity;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
