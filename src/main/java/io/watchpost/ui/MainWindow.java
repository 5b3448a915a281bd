package io.watchpost.ui;

import io.watchpost.source.IngestMetrics;
import io.watchpost.store.EventStore;
import io.watchpost.store.ExplorerServices;
import io.watchpost.ui.explorer.ExplorerTabs;
import io.watchpost.ui.explorer.RangeChoice;
import io.watchpost.ui.explorer.Search;
import io.watchpost.ui.explorer.TimePreset;
import io.watchpost.ui.events.EventsView;
import io.watchpost.ui.events.EventsViewModel;
import io.watchpost.ui.status.StatusBar;
import io.watchpost.ui.status.StatusViewModel;
import io.watchpost.ui.throughput.ThroughputView;
import io.watchpost.ui.throughput.ThroughputViewModel;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.net.URL;

/**
 * Watchpost's first window: a header, the live throughput chart, the live events table with the selected event's
 * detail, and a status bar. Build it on the FX thread; it starts following the cache at once (each view model
 * polls on its own daemon thread) until {@link #shutdown()}.
 *
 * <p>It only reads: the caller owns the store and the metrics and closes them after {@link #shutdown()}.
 */
public final class MainWindow extends BorderPane {

    public static final String PRODUCT_NAME = "Watchpost";
    public static final String STYLESHEET = "watchpost.css";

    private final EventsViewModel eventsViewModel;
    private final ThroughputViewModel throughputViewModel;
    private final StatusViewModel statusViewModel;
    private final EventsView eventsView;
    private final ThroughputView throughputView;
    private final StatusBar statusBar;
    private final HBox header;
    private final WorkbenchTabs workbenchTabs; // null without a Workbench
    private final ExplorerTabs explorer; // null when the wiring gave no ExplorerServices
    private final TabPane tabPane; // null when the window shows the live view alone

    public MainWindow(EventStore store, IngestMetrics metrics, String sourceDescription) {
        this(store, metrics, sourceDescription, null, null);
    }

    /** With a workbench, the live view is the first of the tabs Live, Dashboard, Sources, Rules and Alerts. */
    public MainWindow(EventStore store, IngestMetrics metrics, String sourceDescription, Workbench workbench) {
        this(store, metrics, sourceDescription, workbench, null);
    }

    /** With {@code explorerServices}, the center is a tab pane: "Live" (as before) and "Explorer". */
    public MainWindow(EventStore store, IngestMetrics metrics, String sourceDescription,
                      ExplorerServices explorerServices) {
        this(store, metrics, sourceDescription, null, explorerServices);
    }

    /**
     * The whole workbench: Live, then Explorer when {@code explorerServices} is given, then Dashboard, Sources,
     * Rules and Alerts when {@code workbench} is given; the live view alone when neither is.
     */
    public MainWindow(EventStore store, IngestMetrics metrics, String sourceDescription, Workbench workbench,
                      ExplorerServices explorerServices) {
        getStyleClass().add("main-window");
        getStylesheets().add(stylesheet());

        eventsViewModel = new EventsViewModel(store);
        throughputViewModel = new ThroughputViewModel(metrics);
        statusViewModel = new StatusViewModel(store, metrics, sourceDescription);

        eventsView = new EventsView(eventsViewModel);
        throughputView = new ThroughputView(throughputViewModel);
        statusBar = new StatusBar(statusViewModel);

        SplitPane body = new SplitPane(throughputView, eventsView);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(throughputView, false);

        header = header(sourceDescription);
        setTop(header);
        explorer = explorerServices == null ? null : new ExplorerTabs(explorerServices);
        if (explorer == null && workbench == null) {
            workbenchTabs = null;
            tabPane = null;
            setCenter(body);
        } else {
            tabPane = new TabPane(WorkbenchTabs.tab("Live", "tab-live", body));
            tabPane.setId("main-tabs");
            tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            Tab explore = null;
            if (explorer != null) {
                explore = WorkbenchTabs.tab("Explorer", "tab-explorer", explorer);
                tabPane.getTabs().add(explore);
            }
            if (workbench != null) {
                Tab explorerTab = explore;
                // an alert's events and a dashboard bucket open in the Explorer when there is one, else in Live
                workbenchTabs = new WorkbenchTabs(workbench,
                        refs -> {
                            if (explorer != null && !refs.isEmpty()) {
                                explorer.open(new Search(EventRefFilter.of(refs), RangeChoice.of(TimePreset.ALL_CACHED)));
                            }
                            tabPane.getSelectionModel().select(explorerTab == null ? tabPane.getTabs().get(0) : explorerTab);
                        },
                        request -> {
                            if (explorer != null) {
                                explorer.open(new Search(request.filter(),
                                        RangeChoice.between(request.fromMillis(), request.toMillis())));
                            }
                            tabPane.getSelectionModel().select(explorerTab == null ? tabPane.getTabs().get(0) : explorerTab);
                        });
                tabPane.getTabs().addAll(workbenchTabs.tabs());
            } else {
                workbenchTabs = null;
            }
            setCenter(tabPane);
        }
        setBottom(statusBar);

        eventsViewModel.start();
        throughputViewModel.start();
        statusViewModel.start();
    }

    public MainWindow(UiServices services) {
        this(services.store(), services.metrics(), services.sourceDescription(), services.workbench(),
                services.workbench() == null ? null : services.workbench().explorer());
    }

    /** The tabs, or null when the window shows the live view alone. */
    public TabPane tabPane() {
        return tabPane;
    }

    public MainWindow(UiServices services, ExplorerServices explorerServices) {
        this(services.store(), services.metrics(), services.sourceDescription(), explorerServices);
    }

    /** Puts the application's menu bar above the header: the menus belong to the application, not to this view. */
    public void setMenuBar(MenuBar menuBar) {
        setTop(new VBox(menuBar, header));
    }

    /** Stops the background polling; safe to call more than once. Does not close the store. */
    public void shutdown() {
        eventsViewModel.shutdown();
        throughputViewModel.shutdown();
        statusViewModel.shutdown();
        if (workbenchTabs != null) {
            workbenchTabs.shutdown();
        }
        if (explorer != null) {
            explorer.shutdown();
        }
    }

    /** The Explorer tabs, or null when the window was built without {@link ExplorerServices}. */
    public ExplorerTabs explorer() {
        return explorer;
    }

    public EventsView eventsView() {
        return eventsView;
    }

    public ThroughputView throughputView() {
        return throughputView;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public EventsViewModel eventsViewModel() {
        return eventsViewModel;
    }

    public ThroughputViewModel throughputViewModel() {
        return throughputViewModel;
    }

    /** The light theme, from the classpath next to this class; also usable by other windows and dialogs. */
    public static String stylesheet() {
        URL css = MainWindow.class.getResource(STYLESHEET);
        if (css == null) {
            throw new IllegalStateException("missing resource io/watchpost/ui/" + STYLESHEET);
        }
        return css.toExternalForm();
    }

    private HBox header(String sourceDescription) {
        Label product = new Label(PRODUCT_NAME);
        product.getStyleClass().add("product-name");
        Label tagline = new Label("CloudWatch Logs · live");
        tagline.getStyleClass().add("product-tagline");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label source = new Label(sourceDescription);
        source.setId("header-source");
        source.getStyleClass().add("header-source");
        Label live = new Label("LIVE");
        live.getStyleClass().add("live-badge");
        HBox header = new HBox(10, product, tagline, spacer, source, live);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        return header;
    }
}
