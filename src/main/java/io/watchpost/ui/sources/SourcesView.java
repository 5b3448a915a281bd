package io.watchpost.ui.sources;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The Sources view: where the analyst chooses what to ingest and watches it arrive. Top: the connection form and
 * its test. Left: log group search. Right: the followed groups with their live telemetry. Bottom: backfill of a
 * time range for the selected group. All state lives in the {@link SourcesViewModel}; this class only lays out and
 * binds.
 */
public final class SourcesView extends BorderPane {

    private final SourcesViewModel viewModel;
    private final SourcesTable table;
    private final LogGroupSearchPane search;
    private final BackfillPane backfill;

    public SourcesView(SourcesViewModel viewModel) {
        this(viewModel, ZoneId.systemDefault(), Clock.systemUTC());
    }

    /** @param zone the zone the backfill pickers and error times are shown in */
    public SourcesView(SourcesViewModel viewModel, ZoneId zone, Clock clock) {
        this.viewModel = viewModel;
        getStyleClass().add("sources-view");

        ConnectionPane connection = new ConnectionPane(viewModel);
        search = new LogGroupSearchPane(viewModel);
        table = new SourcesTable(viewModel, zone);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);

        Label title = new Label("Followed log groups");
        title.getStyleClass().add("sources-title");
        Label count = new Label();
        count.getStyleClass().add("sources-muted");
        count.textProperty().bind(Bindings.size(viewModel.rows()).asString("%d followed · refreshed twice a second"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button unfollow = new Button("Stop following");
        unfollow.setId("sources-unfollow");
        unfollow.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        unfollow.setOnAction(e -> viewModel.unfollow(table.getSelectionModel().getSelectedItems().stream()
                .map(SourceRow::logGroup).toList()));
        HBox tableBar = new HBox(8, title, count, spacer, unfollow);
        tableBar.getStyleClass().add("sources-bar");
        VBox tableBox = new VBox(6, tableBar, table);
        tableBox.getStyleClass().add("sources-table-box");
        VBox.setVgrow(table, Priority.ALWAYS);

        ObservableValue<String> selected = Bindings.createStringBinding(() -> {
            SourceRow r = table.getSelectionModel().getSelectedItem();
            return r == null ? null : r.logGroup();
        }, table.getSelectionModel().selectedItemProperty());
        backfill = new BackfillPane(viewModel, selected, zone, clock);

        SplitPane middle = new SplitPane(search, tableBox);
        middle.setOrientation(Orientation.HORIZONTAL);
        middle.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(search, false);

        setTop(connection);
        setCenter(middle);
        setBottom(backfill);
    }

    public SourcesViewModel viewModel() {
        return viewModel;
    }

    public SourcesTable table() {
        return table;
    }

    BackfillPane backfillPane() {
        return backfill;
    }

    /** Selects a followed group in the table, as a click would (for tests and "show in Sources"). */
    public void select(String logGroup) {
        List<SourceRow> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).logGroup().equals(logGroup)) {
                table.getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }
}
