package io.watchpost.ui.dashboard;

import io.watchpost.store.TalkerKind;
import io.watchpost.store.ValueCount;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/** Four top-ten lists over the window; clicking a row opens its events in the Explorer. */
final class TopTalkersPane extends VBox {

    private final Map<TalkerKind, TalkerList> lists = new EnumMap<>(TalkerKind.class);

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
            TalkerList list = new TalkerList(value -> open.accept(kind, value));
            list.setId("talkers-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
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
        lists.forEach((kind, list) -> list.show(talkers.getOrDefault(kind, List.of()),
                kind == TalkerKind.REJECTED_FLOW && emptyReason.isEmpty() ? "no rejected flows in this window"
                        : emptyReason.isEmpty() ? "none in this window" : emptyReason));
    }

    TalkerList list(TalkerKind kind) {
        return lists.get(kind);
    }

    /**
     * A fixed list of rows, not a ListView: the ten rows exist (and have their CSS) from the start, and a refresh
     * only sets the texts of rows that changed. A ListView made its cells when the first data came and rebuilt them
     * when the items were replaced: 100-300 ms on the FX thread, the longest stall the Dashboard had while ingesting.
     */
    static final class TalkerList extends StackPane {
        private final List<Row> rows = new ArrayList<>();
        private final Label placeholder = new Label();
        private List<ValueCount> shown = List.of();

        TalkerList(java.util.function.Consumer<String> open) {
            getStyleClass().addAll("list-view", "dashboard-talker-list");
            VBox box = new VBox();
            for (int i = 0; i < DashboardLoader.TOP_TALKERS; i++) {
                Row row = new Row(i, open);
                rows.add(row);
                box.getChildren().add(row);
            }
            box.setFillWidth(true);
            // Scrolls when the window is too short for ten rows, as the list view did.
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
            scroll.setFitToWidth(true);
            scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
            scroll.getStyleClass().add("edge-to-edge");
            placeholder.getStyleClass().add("dashboard-talker-placeholder");
            placeholder.setMouseTransparent(true);
            getChildren().addAll(scroll, placeholder);
            setMinHeight(0);
        }

        void show(List<ValueCount> values, String emptyText) {
            if (!values.equals(shown)) {
                for (int i = 0; i < rows.size(); i++) {
                    rows.get(i).show(i < values.size() ? values.get(i) : null);
                }
                shown = List.copyOf(values);
            }
            if (!placeholder.getText().equals(emptyText)) {
                placeholder.setText(emptyText);
            }
            placeholder.setVisible(values.isEmpty());
        }

        /** What the rows show now, top first. */
        List<ValueCount> values() {
            return shown;
        }

        /** Row {@code i} (0 at the top), for clicking. */
        Region row(int i) {
            return rows.get(i);
        }
    }

    /** "value ........ count", the count right-aligned; styled as a list cell. */
    private static final class Row extends HBox {
        private final Label value = new Label();
        private final Label count = new Label();
        private ValueCount item;

        Row(int index, java.util.function.Consumer<String> open) {
            getStyleClass().addAll("list-cell", index % 2 == 0 ? "even" : "odd");
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(index % 2 == 0 ? "even" : "odd"), true);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            count.getStyleClass().add("dashboard-talker-count");
            value.setMinWidth(0);
            count.setMinWidth(Region.USE_PREF_SIZE);
            setSpacing(6);
            getChildren().addAll(value, spacer, count);
            setOnMouseClicked(e -> {
                if (item != null) {
                    open.accept(item.value());
                }
            });
            show(null);
        }

        void show(ValueCount next) {
            if (next != null && next.equals(item)) {
                return;
            }
            item = next;
            value.setText(next == null ? "" : next.value());
            count.setText(next == null ? "" : String.format(Locale.ROOT, "%,d", next.count()));
            setCursor(next == null ? Cursor.DEFAULT : Cursor.HAND);
            // An unused row leaves the layout (no scroll bar for a short list); this changes only when the number
            // of talkers does, not with their counts.
            if (isManaged() != (next != null)) {
                setManaged(next != null);
                setVisible(next != null);
            }
        }
    }
}
