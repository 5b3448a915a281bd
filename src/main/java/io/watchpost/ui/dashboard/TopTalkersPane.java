package io.watchpost.ui.dashboard;

import io.watchpost.store.TalkerKind;
import io.watchpost.store.ValueCount;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/** Four top-ten lists over the window; clicking a row opens its events in the Explorer. */
final class TopTalkersPane extends VBox {

    private final Map<TalkerKind, ListView<ValueCount>> lists = new EnumMap<>(TalkerKind.class);

    TopTalkersPane(BiConsumer<TalkerKind, String> open) {
        getStyleClass().add("dashboard-talkers");
        Label title = new Label("Top talkers in the window");
        title.getStyleClass().add("dashboard-section-title");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            grid.getRowConstraints().add(r);
        }
        int i = 0;
        for (TalkerKind kind : TalkerKind.values()) {
            ListView<ValueCount> list = new ListView<>();
            list.setId("talkers-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            list.getStyleClass().add("dashboard-talker-list");
            list.setPlaceholder(new Label("no events in this window"));
            list.setCellFactory(v -> new TalkerCell());
            list.setOnMouseClicked(e -> {
                ValueCount picked = list.getSelectionModel().getSelectedItem();
                if (picked != null) {
                    open.accept(kind, picked.value());
                }
            });
            lists.put(kind, list);
            Label heading = new Label(heading(kind));
            heading.getStyleClass().add("dashboard-talker-heading");
            BorderPane box = new BorderPane(list);
            box.setTop(heading);
            BorderPane.setMargin(heading, new Insets(0, 0, 2, 2));
            grid.add(box, i % 2, i / 2);
            i++;
        }
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(title, grid);
    }

    private static String heading(TalkerKind kind) {
        return switch (kind) {
            case SOURCE_IP -> "Source IPs";
            case USER -> "Users";
            case ACTION -> "API calls (CloudTrail)";
            case REJECTED_FLOW -> "Rejected flows (VPC, by source IP)";
        };
    }

    void show(Map<TalkerKind, List<ValueCount>> talkers, String emptyReason) {
        lists.forEach((kind, list) -> {
            List<ValueCount> rows = talkers.getOrDefault(kind, List.of());
            if (!rows.equals(list.getItems())) {
                list.getItems().setAll(rows);
            }
            ((Label) list.getPlaceholder()).setText(kind == TalkerKind.REJECTED_FLOW && emptyReason.isEmpty()
                    ? "no rejected flows in this window" : emptyReason.isEmpty() ? "none in this window" : emptyReason);
        });
    }

    ListView<ValueCount> list(TalkerKind kind) {
        return lists.get(kind);
    }

    /** "value ........ count", the count right-aligned. */
    private static final class TalkerCell extends ListCell<ValueCount> {
        private final Label value = new Label();
        private final Label count = new Label();
        private final HBox row;

        TalkerCell() {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            count.getStyleClass().add("dashboard-talker-count");
            value.setMinWidth(0);
            row = new HBox(6, value, spacer, count);
        }

        @Override
        protected void updateItem(ValueCount item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                value.setText(item.value());
                count.setText(String.format(Locale.ROOT, "%,d", item.count()));
                setGraphic(row);
            }
        }
    }
}
