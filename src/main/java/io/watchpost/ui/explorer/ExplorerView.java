package io.watchpost.ui.explorer;

import io.watchpost.normalize.Event;
import io.watchpost.store.HistogramSplit;
import io.watchpost.store.SavedSearch;
import io.watchpost.store.TeamState;
import io.watchpost.ui.common.OverwriteBanner;
import io.watchpost.store.SortOrder;
import io.watchpost.store.TimeRange;
import javafx.concurrent.Worker;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One Explorer tab: filter bar, range bar, timeline, field sidebar, result table and the selected event's detail.
 * Binds to its {@link ExplorerViewModel}; holds no store access. {@code openTab} starts a parallel investigation
 * (a pivot's "open in a new tab", a saved search).
 */
public final class ExplorerView extends BorderPane implements PivotActions {

    private final ExplorerViewModel viewModel;
    private final Consumer<Search> openTab;
    private final FilterBar filterBar;
    private final TimelineChart timeline;
    private final ExplorerTable table;
    private final EventDetailPane detail;
    private final FieldSidebar sidebar;
    private final ComboBox<TimePreset> preset = new ComboBox<>();
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final Label count = new Label("…");
    private final Label status = new Label();
    private final HBox exportBar = new HBox(8);
    private final ProgressBar exportProgress = new ProgressBar(0);
    private final Label exportMessage = new Label();
    private ExportTask export;

    public ExplorerView(ExplorerViewModel viewModel, Consumer<Search> openTab) {
        this.viewModel = viewModel;
        this.openTab = openTab;
        getStyleClass().add("explorer-view");

        filterBar = new FilterBar(viewModel);
        timeline = new TimelineChart(range -> viewModel.setRange(RangeChoice.between(range.fromMillis(), range.toMillis())));
        table = new ExplorerTable(viewModel, this);
        detail = new EventDetailPane(viewModel, this);
        sidebar = new FieldSidebar(viewModel, this);

        SplitPane tableAndDetail = new SplitPane(table, detail);
        tableAndDetail.setOrientation(Orientation.VERTICAL);
        tableAndDetail.setDividerPositions(0.58);
        SplitPane sideAndTable = new SplitPane(sidebar, tableAndDetail);
        sideAndTable.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(sidebar, false);
        SplitPane body = new SplitPane(timeline, sideAndTable);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(timeline, false);

        VBox top = new VBox(4, filterBar, rangeBar(), exportBar());
        top.getStyleClass().add("explorer-top");
        setTop(top);
        setCenter(body);

        viewModel.histogramProperty().addListener((obs, old, h) -> {
            TimeRange r = viewModel.resolvedRangeProperty().get();
            if (h != null && r != null) {
                timeline.show(h, r);
            }
        });
        viewModel.countProperty().addListener((obs, old, n) -> count.setText(countText(n.longValue())));
        viewModel.statusProperty().addListener((obs, old, s) -> status.setText(s));
        viewModel.resolvedRangeProperty().addListener((obs, old, r) -> showRange(r));
        viewModel.rangeProperty().addListener((obs, old, r) -> preset.getSelectionModel().select(r.preset()));
        preset.getSelectionModel().select(viewModel.rangeProperty().get().preset());
    }

    private HBox rangeBar() {
        preset.setId("explorer-range-preset");
        preset.getItems().setAll(TimePreset.values());
        preset.setPromptText("Custom range");
        preset.setOnAction(e -> {
            TimePreset p = preset.getValue();
            if (p != null && !p.equals(viewModel.rangeProperty().get().preset())) {
                viewModel.setRange(RangeChoice.of(p));
            }
        });
        from.setId("explorer-range-from");
        to.setId("explorer-range-to");
        for (TextField f : new TextField[]{from, to}) {
            f.setPrefColumnCount(12);
            f.getStyleClass().add("explorer-range-field");
            f.setPromptText("yyyy-MM-dd HH:mm:ss");
            f.setOnAction(e -> applyAbsoluteRange());
        }
        Button apply = new Button("Apply");
        apply.setId("explorer-range-apply");
        apply.setOnAction(e -> applyAbsoluteRange());

        ChoiceBox<HistogramSplit> split = new ChoiceBox<>();
        split.setId("explorer-split");
        split.getItems().setAll(HistogramSplit.values());
        split.setConverter(new StringConverter<>() {
            @Override
            public String toString(HistogramSplit s) {
                return s == null ? "" : switch (s) {
                    case NONE -> "No split";
                    case SEVERITY -> "By severity";
                    case SOURCE_TYPE -> "By source type";
                };
            }

            @Override
            public HistogramSplit fromString(String s) {
                return null;
            }
        });
        split.setValue(viewModel.splitProperty().get());
        split.valueProperty().addListener((obs, old, s) -> {
            viewModel.splitProperty().set(s);
            viewModel.run();
        });

        ToggleButton order = new ToggleButton("Newest first");
        order.setId("explorer-order");
        order.selectedProperty().addListener((obs, old, oldestFirst) -> {
            order.setText(oldestFirst ? "Oldest first" : "Newest first");
            viewModel.orderProperty().set(oldestFirst ? SortOrder.OLDEST_FIRST : SortOrder.NEWEST_FIRST);
            viewModel.run();
        });

        count.setId("explorer-count");
        count.getStyleClass().add("explorer-count");
        status.setId("explorer-status");
        status.getStyleClass().add("explorer-status");

        MenuButton saved = new MenuButton("Saved searches");
        saved.setId("explorer-saved");
        saved.setOnShowing(e -> fillSaved(saved));
        Button save = new Button("Save…");
        save.setId("explorer-save-search");
        save.setOnAction(e -> askAndSave());
        MenuButton exportButton = new MenuButton("Export");
        exportButton.setId("explorer-export");
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format + "…");
            item.setOnAction(e -> chooseFileAndExport(format));
            exportButton.getItems().add(item);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, preset, from, new Label("→"), to, apply, split, order, spacer, count, status,
                saved, save, exportButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("explorer-range-bar");
        // Controls keep their text; the status line is what gives way when the window is narrow.
        bar.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Control c && n != status) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        status.setMinWidth(0);
        return bar;
    }

    private HBox exportBar() {
        exportProgress.setId("explorer-export-progress");
        exportProgress.setPrefWidth(240);
        exportMessage.setId("explorer-export-message");
        Button cancel = new Button("Cancel export");
        cancel.setId("explorer-export-cancel");
        cancel.setOnAction(e -> {
            if (export != null) {
                export.cancel();
            }
        });
        exportBar.getChildren().setAll(new Label("Exporting"), exportProgress, exportMessage, cancel);
        exportBar.setAlignment(Pos.CENTER_LEFT);
        exportBar.getStyleClass().add("explorer-export-bar");
        exportBar.setVisible(false);
        exportBar.managedProperty().bind(exportBar.visibleProperty());
        return exportBar;
    }

    private void applyAbsoluteRange() {
        Optional<Long> a = EventTimes.parse(from.getText());
        Optional<Long> b = EventTimes.parse(to.getText());
        if (a.isPresent() && b.isPresent() && b.get() > a.get()) {
            viewModel.setRange(RangeChoice.between(a.get(), b.get()));
        } else {
            status.setText("Range: give both times as yyyy-MM-dd HH:mm:ss (UTC), the end after the start");
        }
    }

    private void showRange(TimeRange r) {
        if (r != null) {
            from.setText(EventTimes.SHORT.format(Instant.ofEpochMilli(r.fromMillis())));
            to.setText(EventTimes.SHORT.format(Instant.ofEpochMilli(r.toMillis())));
        }
    }

    private static String countText(long n) {
        return n < 0 ? "…" : String.format(Locale.ROOT, "%,d events", n);
    }

    private void fillSaved(MenuButton saved) {
        saved.getItems().clear();
        if (viewModel.savedSearches().isEmpty()) {
            MenuItem none = new MenuItem("No saved searches yet");
            none.setDisable(true);
            saved.getItems().add(none);
        }
        for (SavedSearch s : viewModel.savedSearches()) {
            TeamState.Overwrite o = viewModel.savedSearchOverwrites().get(s.name());
            MenuItem here = new MenuItem(s.name() + (o == null ? "" : "  ⚠ overwritten by " + o.by()));
            here.setMnemonicParsing(false);
            here.setOnAction(e -> viewModel.open(ExplorerViewModel.toSearch(s)));
            saved.getItems().add(here);
        }
        if (!viewModel.savedSearches().isEmpty()) {
            saved.getItems().add(new SeparatorMenuItem());
            for (SavedSearch s : viewModel.savedSearches()) {
                MenuItem tab = new MenuItem("Open “" + s.name() + "” in a new tab");
                tab.setMnemonicParsing(false);
                tab.setOnAction(e -> openTab.accept(ExplorerViewModel.toSearch(s)));
                saved.getItems().add(tab);
            }
        }
        if (!viewModel.savedSearchOverwrites().isEmpty()) {
            saved.getItems().add(new SeparatorMenuItem());
            viewModel.savedSearchOverwrites().forEach((name, o) -> {
                MenuItem ack = new MenuItem("Acknowledge: " + OverwriteBanner.describe(o).replace("Your change",
                        "your change of “" + name + "”"));
                ack.setMnemonicParsing(false);
                ack.setOnAction(e -> viewModel.acknowledgeOverwrite(name));
                saved.getItems().add(ack);
            });
        }
    }

    private void askAndSave() {
        TextInputDialog dialog = new TextInputDialog(viewModel.currentSearch().title());
        dialog.setTitle("Save search");
        dialog.setHeaderText("Save this filter and time range as");
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.showAndWait().filter(n -> !n.isBlank()).ifPresent(viewModel::saveSearch);
    }

    private void chooseFileAndExport(ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + countText(viewModel.countProperty().get()) + " as " + format);
        chooser.setInitialFileName("watchpost-export." + format.extension());
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            export(file.toPath(), format);
        }
    }

    /** Exports the current result to {@code file}, showing progress and a cancel button until it ends. */
    public Optional<ExportTask> export(java.nio.file.Path file, ExportFormat format) {
        Optional<ExportTask> task = viewModel.exportTask(file, format);
        task.ifPresent(t -> {
            export = t;
            exportProgress.progressProperty().bind(t.progressProperty());
            exportMessage.textProperty().bind(t.messageProperty());
            exportBar.setVisible(true);
            t.stateProperty().addListener((obs, old, state) -> {
                if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                    exportBar.setVisible(false);
                    status.setText(switch (state) {
                        case SUCCEEDED -> String.format(Locale.ROOT, "Exported %,d events to %s", t.getValue(), file);
                        case CANCELLED -> "Export cancelled";
                        default -> "Export failed: " + t.getException().getMessage();
                    });
                }
            });
            viewModel.startExport(t);
        });
        return task;
    }

    // ---- pivots ---------------------------------------------------------------------------------------------------

    @Override
    public void filterFor(String field, String value) {
        viewModel.filterFor(field, value);
    }

    @Override
    public void filterOut(String field, String value) {
        viewModel.filterOut(field, value);
    }

    @Override
    public void openInNewTab(String field, String value) {
        openTab.accept(viewModel.narrowedTo(field, value));
    }

    @Override
    public void around(String field, String value, Event event, int minutes) {
        openTab.accept(ExplorerViewModel.around(field, value, event, minutes));
    }

    @Override
    public void openTab(Search search) {
        openTab.accept(search);
    }

    /** Puts the caret at the end of the filter, ready to type. */
    public void focusFilter() {
        javafx.application.Platform.runLater(() -> {
            filterBar.field().requestFocus();
            filterBar.field().end();
        });
    }

    // ---- for tests and the tab container ----------------------------------------------------------------------------

    public ExplorerViewModel viewModel() {
        return viewModel;
    }

    FilterBar filterBar() {
        return filterBar;
    }

    TimelineChart timeline() {
        return timeline;
    }

    ExplorerTable table() {
        return table;
    }

    EventDetailPane detail() {
        return detail;
    }
}
