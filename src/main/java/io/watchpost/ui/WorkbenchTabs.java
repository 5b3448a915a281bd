package io.watchpost.ui;

import io.watchpost.detect.EventRef;
import io.watchpost.detect.RuleSeverity;
import io.watchpost.detect.alerts.AlertFilter;
import io.watchpost.detect.alerts.AlertStore;
import io.watchpost.normalize.Severity;
import io.watchpost.ui.dashboard.AlertMarker;
import io.watchpost.ui.dashboard.DashboardView;
import io.watchpost.ui.dashboard.DashboardViewModel;
import io.watchpost.ui.dashboard.ExplorerRequest;
import io.watchpost.ui.alerts.AlertsView;
import io.watchpost.ui.alerts.AlertsViewModel;
import io.watchpost.ui.rules.RulesWorkspace;
import io.watchpost.ui.rules.RulesWorkspaceModel;
import io.watchpost.ui.sources.SourceLookups;
import io.watchpost.ui.sources.SourcesView;
import io.watchpost.ui.sources.SourcesViewModel;
import io.watchpost.ui.sync.SyncSettingsForm;
import io.watchpost.ui.sync.SyncSettingsModel;
import io.watchpost.ui.sync.SyncStatusView;
import io.watchpost.ui.sync.SyncStatusViewModel;
import javafx.scene.control.Tab;

import java.time.ZoneId;

import java.util.List;
import java.util.function.Consumer;

/**
 * The workbench's tabs beyond the live view — Dashboard, Sources, Rules, Alerts — built from a {@link Workbench}, with their
 * view models started and stopped together.
 */
final class WorkbenchTabs {

    private final SourcesViewModel sources;
    private final RulesWorkspaceModel rules;
    private final AlertsViewModel alerts;
    private final DashboardViewModel dashboard;
    private final SyncStatusViewModel sync; // null where the cache is never synced (the demo)
    private final SyncSettingsModel syncSettings; // null with sync
    private final Consumer<List<io.watchpost.detect.Alert>> refreshOnAlerts;
    private final Workbench workbench;
    private final List<Tab> tabs;

    WorkbenchTabs(Workbench workbench, Consumer<List<EventRef>> showEvents, Consumer<ExplorerRequest> openExplorer) {
        this.workbench = workbench;
        sources = new SourcesViewModel(workbench.ingest(), SourceLookups.aws());
        rules = new RulesWorkspaceModel(workbench.detection(), workbench.userRules(), workbench.backtester());
        alerts = new AlertsViewModel(workbench.alerts(), showEvents);
        dashboard = new DashboardViewModel(workbench.rollups(), () -> alertMarkers(workbench.alerts()), openExplorer,
                () -> workbench.ingest() != null && workbench.ingest().ingesting());
        // new alerts reach the table as the sink saves them (the view model refreshes in the background)
        refreshOnAlerts = saved -> alerts.refresh();
        workbench.alertSink().addListener(refreshOnAlerts);
        sync = workbench.teamSync() == null ? null
                : new SyncStatusViewModel(workbench.teamSync()::status, workbench.teamSync()::target, ZoneId.systemDefault());
        syncSettings = workbench.teamSync() == null ? null : new SyncSettingsModel(workbench.teamSync());
        List<Tab> all = new java.util.ArrayList<>(List.of(tab("Dashboard", "tab-dashboard", new DashboardView(dashboard)),
                tab("Sources", "tab-sources", new SourcesView(sources)),
                tab("Rules", "tab-rules", new RulesWorkspace(rules)),
                tab("Alerts", "tab-alerts", new AlertsView(alerts))));
        if (sync != null) {
            javafx.scene.layout.VBox syncPane = new javafx.scene.layout.VBox(18, new SyncStatusView(sync),
                    new SyncSettingsForm(syncSettings));
            syncPane.setPadding(new javafx.geometry.Insets(10));
            all.add(tab("Team sync", "tab-sync", syncPane));
            syncSettings.load();
            sync.start();
        }
        tabs = List.copyOf(all);
        dashboard.start();
        sources.start();
        rules.load();
        alerts.refresh();
    }

    List<Tab> tabs() {
        return tabs;
    }

    AlertsViewModel alerts() {
        return alerts;
    }

    void shutdown() {
        workbench.alertSink().removeListener(refreshOnAlerts);
        dashboard.shutdown();
        if (sync != null) {
            sync.shutdown();
            syncSettings.shutdown();
        }
        sources.shutdown();
        rules.shutdown();
        alerts.shutdown();
    }

    /** The newest alerts as markers on the dashboard's time axis (called on the dashboard's background thread). */
    private static List<AlertMarker> alertMarkers(AlertStore store) {
        return store.list(AlertFilter.all(200)).stream()
                .map(a -> new AlertMarker(a.alert().lastTime().toEpochMilli(), severity(a.alert().severity()),
                        a.alert().ruleTitle()))
                .toList();
    }

    private static Severity severity(RuleSeverity s) {
        return switch (s) {
            case INFORMATIONAL -> Severity.INFO;
            case LOW -> Severity.NOTICE;
            case MEDIUM -> Severity.WARNING;
            case HIGH -> Severity.ERROR;
            case CRITICAL -> Severity.CRITICAL;
        };
    }

    static Tab tab(String title, String id, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }
}
