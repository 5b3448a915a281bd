package io.watchpost.ui.explorer;

import io.watchpost.store.ValueCount;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * The field sidebar: for each summarized field, its top values in the current result with counts and share, each
 * with filter-for (+) and filter-out (−) buttons and the pivot menu on right-click.
 */
final class FieldSidebar extends ScrollPane {

    private final VBox content = new VBox(4);
    private final ExplorerViewModel viewModel;
    private final PivotActions actions;

    FieldSidebar(ExplorerViewModel viewModel, PivotActions actions) {
        this.viewModel = viewModel;
        this.actions = actions;
        setId("explorer-sidebar");
        getStyleClass().add("explorer-sidebar");
        content.getStyleClass().add("explorer-sidebar-content");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMinWidth(200);
        viewModel.fieldSummaries().addListener((ListChangeListener<FieldSummary>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        content.getChildren().clear();
        Label title = new Label("Fields · top values");
        title.getStyleClass().add("explorer-sidebar-title");
        content.getChildren().add(title);
        long total = Math.max(1, viewModel.countProperty().get());
        for (FieldSummary summary : viewModel.fieldSummaries()) {
            Label name = new Label(summary.field());
            name.getStyleClass().add("explorer-field-name");
            content.getChildren().add(name);
            List<ValueCount> values = summary.topValues();
            if (values.isEmpty()) {
                Label none = new Label("no values");
                none.getStyleClass().add("explorer-field-none");
                content.getChildren().add(none);
            }
            for (ValueCount vc : values) {
                content.getChildren().add(valueRow(summary.field(), vc, total));
            }
        }
    }

    private HBox valueRow(String field, ValueCount vc, long total) {
        Label value = new Label(vc.value());
        value.getStyleClass().add("explorer-field-value");
        value.setMaxWidth(Double.MAX_VALUE);
        value.setMinWidth(40);
        value.setTooltip(new Tooltip(vc.value()));
        double share = (double) vc.count() / total;
        // The bar behind the value shows its share of the result at a glance, Kibana style.
        Region bar = new Region();
        bar.getStyleClass().add("explorer-field-share");
        bar.setMouseTransparent(true);
        StackPane cell = new StackPane(bar, value);
        cell.setAlignment(Pos.CENTER_LEFT);
        StackPane.setAlignment(bar, Pos.CENTER_LEFT);
        bar.maxWidthProperty().bind(cell.widthProperty().multiply(Math.min(1, share)));
        HBox.setHgrow(cell, Priority.ALWAYS);
        Label count = new Label(String.format(Locale.ROOT, "%,d", vc.count()));
        count.getStyleClass().add("explorer-field-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Button plus = new Button("+");
        plus.getStyleClass().addAll("explorer-field-button", "filter-for");
        plus.setTooltip(new Tooltip("Filter for " + field + " = " + vc.value()));
        plus.setOnAction(e -> actions.filterFor(field, vc.value()));
        Button minus = new Button("−");
        minus.getStyleClass().addAll("explorer-field-button", "filter-out");
        minus.setTooltip(new Tooltip("Filter out " + field + " = " + vc.value()));
        minus.setOnAction(e -> actions.filterOut(field, vc.value()));
        HBox row = new HBox(4, cell, count, plus, minus);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("explorer-field-row");
        row.setOnContextMenuRequested(e -> PivotMenu.build(field, vc.value(), null, actions)
                .show(row, e.getScreenX(), e.getScreenY()));
        return row;
    }
}
