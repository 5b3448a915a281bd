package io.watchpost.ui;

import io.watchpost.detect.EventRef;
import io.watchpost.ui.alerts.AlertsView;
import io.watchpost.ui.alerts.AlertsViewModel;
import io.watchpost.ui.rules.RulesWorkspace;
import io.watchpost.ui.rules.RulesWorkspaceModel;
import io.watchpost.ui.sources.SourceLookups;
import io.watchpost.ui.sources.SourcesView;
import io.watchpost.ui.sources.SourcesViewModel;
import javafx.scene.control.Tab;

import java.util.List;
import java.util.function.Consumer;

/**
 * The workbench's tabs beyond the live view — Sources, Rules, Alerts — built from a {@link Workbench}, with their
 * view models started and stopped together.
 */
final class WorkbenchTabs {

    private final SourcesViewModel sources;
    private final RulesWorkspaceModel rules;
    private final AlertsViewModel alerts;
    private final Consumer<List<io.watchpost.detect.Alert>> refreshOnAlerts;
    private final Workbench workbench;
    private final List<Tab> tabs;

    WorkbenchTabs(Workbench workbench, Consumer<List<EventRef>> showEvents) {
        this.workbench = workbench;
        sources = new SourcesViewModel(workbench.ingest(), SourceLookups.aws());
        rules = new RulesWorkspaceModel(workbench.detection(), workbench.userRulesDir(), workbench.backtester());
        alerts = new AlertsViewModel(workbench.alerts(), showEvents);
        // new alerts reach the table as the sink saves them (the view model refreshes in the background)
        refreshOnAlerts = saved -> alerts.refresh();
        workbench.alertSink().addListener(refreshOnAlerts);
        tabs = List.of(tab("Sources", "tab-sources", new SourcesView(sources)),
                tab("Rules", "tab-rules", new RulesWorkspace(rules)),
                tab("Alerts", "tab-alerts", new AlertsView(alerts)));
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
        sources.shutdown();
        rules.shutdown();
        alerts.shutdown();
    }

    static Tab tab(String title, String id, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }
}
