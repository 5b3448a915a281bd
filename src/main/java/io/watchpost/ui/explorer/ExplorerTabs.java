package io.watchpost.ui.explorer;

import io.watchpost.store.ExplorerServices;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;

/**
 * The Explorer: tabs for parallel lines of investigation, each with its own filter, range, result and threads.
 * Pivots and saved searches open new tabs here; closing a tab stops its threads.
 *
 * <p>Wiring: {@code new ExplorerTabs(ExplorerServices.of(cache))} on the FX thread, {@link #shutdown()} when done.
 */
public final class ExplorerTabs extends StackPane {

    private final ExplorerServices services;
    private final TabPane tabs = new TabPane();

    public ExplorerTabs(ExplorerServices services) {
        this.services = services;
        getStyleClass().add("explorer-tabs");
        tabs.setId("explorer-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Button newTab = new Button("+");
        newTab.setId("explorer-new-tab");
        newTab.getStyleClass().add("explorer-new-tab");
        newTab.setTooltip(new Tooltip("New investigation tab"));
        newTab.setOnAction(e -> open(Search.EVERYTHING));
        StackPane.setAlignment(newTab, Pos.TOP_RIGHT);
        getChildren().addAll(tabs, newTab);
        // Keyboard first, as in Wireshark: Ctrl+L (or Ctrl+F) to the filter, Ctrl+T for a new tab.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown()) {
                return;
            }
            if (e.getCode() == KeyCode.T) {
                open(Search.EVERYTHING);
                e.consume();
            } else if ((e.getCode() == KeyCode.L || e.getCode() == KeyCode.F) && current() != null) {
                current().focusFilter();
                e.consume();
            }
        });
        open(Search.EVERYTHING);
    }

    /** Opens a tab for {@code search}, selects it and runs its query. */
    public ExplorerView open(Search search) {
        ExplorerViewModel viewModel = new ExplorerViewModel(services, search);
        ExplorerView view = new ExplorerView(viewModel, this::open);
        Tab tab = new Tab(search.title(), view);
        tab.setUserData(view);
        viewModel.filterTextProperty().addListener((obs, old, text) -> tab.setText(new Search(text, viewModel.rangeProperty().get()).title()));
        tab.setOnClosed(e -> viewModel.shutdown());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        viewModel.run();
        view.focusFilter();
        return view;
    }

    /** The selected tab's view. */
    public ExplorerView current() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab == null ? null : (ExplorerView) tab.getUserData();
    }

    public List<ExplorerView> views() {
        List<ExplorerView> out = new ArrayList<>();
        tabs.getTabs().forEach(t -> out.add((ExplorerView) t.getUserData()));
        return out;
    }

    public TabPane tabPane() {
        return tabs;
    }

    /** Stops every tab's threads; safe to call more than once. */
    public void shutdown() {
        views().forEach(v -> v.viewModel().shutdown());
    }
}
