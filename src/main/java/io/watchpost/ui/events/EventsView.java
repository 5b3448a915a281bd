package io.watchpost.ui.events;

import io.watchpost.normalize.Severity;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;

/**
 * The live events table with the selected event's detail below it. Binds to {@link EventsViewModel}; holds no
 * store access of its own.
 */
public final class EventsView extends SplitPane {

    private static final PseudoClass PARSE_ERROR = PseudoClass.getPseudoClass("parse-error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("severity-warning");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("severity-error");
    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("severity-critical");

    private final TableView<EventRow> table = new TableView<>();
    private final Label detailSummary = new Label();
    private final Label detailParseError = new Label();
    private final TextArea rawText = new TextArea();
    private final TextArea fieldsText = new TextArea();

    public EventsView(EventsViewModel viewModel) {
        getStyleClass().add("events-view");
        setOrientation(Orientation.VERTICAL);

        // The view model's list stays newest-first; a header click sorts this wrapper, never the live list.
        SortedList<EventRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("events-table");
        table.getStyleClass().add("events-table");
        table.setPlaceholder(new Label("Waiting for events…"));
        // Fixed columns keep their width; the message column takes whatever the window leaves.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new EventTableRow());
        table.getColumns().add(column("Time (UTC)", 196, EventRow::time));
        table.getColumns().add(severityColumn());
        table.getColumns().add(column("Source type", 94, EventRow::sourceType));
        table.getColumns().add(column("Log group", 206, EventRow::logGroup));
        table.getColumns().add(column("Action", 128, EventRow::action));
        table.getColumns().add(column("Outcome", 80, EventRow::outcome));
        table.getColumns().add(column("User", 100, EventRow::user));
        table.getColumns().add(column("Source IP", 108, EventRow::sourceIp));
        table.getColumns().add(messageColumn());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> viewModel.select(row));

        getItems().addAll(table, detailPane(viewModel));
        setDividerPositions(0.62);
    }

    public TableView<EventRow> table() {
        return table;
    }

    public TextArea rawText() {
        return rawText;
    }

    public TextArea fieldsText() {
        return fieldsText;
    }

    private BorderPane detailPane(EventsViewModel viewModel) {
        detailSummary.getStyleClass().add("detail-summary");
        detailParseError.getStyleClass().add("parse-error-badge");
        detailParseError.managedProperty().bind(detailParseError.visibleProperty());
        HBox header = new HBox(8, detailParseError, detailSummary);
        header.getStyleClass().add("detail-header");

        rawText.setId("detail-raw");
        fieldsText.setId("detail-fields");
        for (TextArea area : new TextArea[]{rawText, fieldsText}) {
            area.setEditable(false); // read-only, but still selectable and copyable
            area.setWrapText(false);
            area.getStyleClass().add("detail-text");
        }
        SplitPane texts = new SplitPane(titled("Raw", rawText), titled("Fields", fieldsText));
        texts.setDividerPositions(0.55);

        viewModel.detailProperty().addListener((obs, old, detail) -> show(detail));
        show(viewModel.detailProperty().get());

        BorderPane pane = new BorderPane(texts);
        pane.setTop(header);
        pane.getStyleClass().add("detail-pane");
        return pane;
    }

    private void show(EventDetail detail) {
        detailSummary.setText(detail.summary());
        rawText.setText(detail.raw());
        fieldsText.setText(detail.fields());
        boolean failed = detail.parseError() != null;
        detailParseError.setVisible(failed);
        detailParseError.setText(failed ? "PARSE ERROR: " + detail.parseError() : "");
    }

    private static VBox titled(String title, TextArea area) {
        Label label = new Label(title);
        label.getStyleClass().add("section-label");
        VBox.setVgrow(area, Priority.ALWAYS);
        VBox box = new VBox(label, area);
        box.getStyleClass().add("detail-section");
        return box;
    }

    private static TableColumn<EventRow, String> column(String title, double width, Function<EventRow, String> value) {
        TableColumn<EventRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // The constrained policy would squeeze every column to fit; pinning the minimum lets only Message give way.
        column.setMinWidth(width);
        column.setCellValueFactory(cell -> constant(value.apply(cell.getValue())));
        return column;
    }

    private static ObservableValue<String> constant(String value) {
        return new ReadOnlyStringWrapper(value).getReadOnlyProperty();
    }

    private static TableColumn<EventRow, Severity> severityColumn() {
        TableColumn<EventRow, Severity> column = new TableColumn<>("Severity");
        column.setPrefWidth(96);
        column.setMinWidth(96);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().severity()).getReadOnlyProperty());
        column.setCellFactory(c -> new SeverityCell());
        return column;
    }

    private static TableColumn<EventRow, EventRow> messageColumn() {
        TableColumn<EventRow, EventRow> column = new TableColumn<>("Message");
        column.setPrefWidth(420);
        column.setMinWidth(200);
        column.setComparator((a, b) -> a.message().compareToIgnoreCase(b.message()));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()).getReadOnlyProperty());
        column.setCellFactory(c -> new MessageCell());
        return column;
    }

    /** A coloured pill per severity: the colour carries the cue, the word keeps it readable without colour. */
    private static final class SeverityCell extends TableCell<EventRow, Severity> {
        private final Label pill = new Label();

        SeverityCell() {
            pill.getStyleClass().add("severity-pill");
            pill.setMinWidth(Region.USE_PREF_SIZE); // never "WAR…": the word is the cue when colour is not
            getStyleClass().add("severity-cell");
        }

        @Override
        protected void updateItem(Severity severity, boolean empty) {
            super.updateItem(severity, empty);
            pill.getStyleClass().removeIf(s -> s.startsWith("severity-") && !s.equals("severity-pill"));
            if (empty || severity == null) {
                setGraphic(null);
                return;
            }
            pill.setText(severity.name());
            pill.getStyleClass().add("severity-" + severity.name().toLowerCase(Locale.ROOT));
            setGraphic(pill);
        }
    }

    /** The message, led by a red "PARSE ERROR" badge when the normalizer could not parse the event. */
    private static final class MessageCell extends TableCell<EventRow, EventRow> {
        private final Label badge = new Label("PARSE ERROR");

        MessageCell() {
            badge.getStyleClass().add("parse-error-badge");
        }

        @Override
        protected void updateItem(EventRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(row.message());
            setGraphic(row.hasParseError() ? badge : null);
            setTooltip(row.hasParseError() ? new Tooltip(row.parseError()) : null);
        }
    }

    /** Tints whole rows for the severities an analyst must not miss, and for events that failed to parse. */
    private static final class EventTableRow extends TableRow<EventRow> {
        @Override
        protected void updateItem(EventRow row, boolean empty) {
            super.updateItem(row, empty);
            Severity severity = empty || row == null ? null : row.severity();
            pseudoClassStateChanged(WARNING, severity == Severity.WARNING);
            pseudoClassStateChanged(ERROR, severity == Severity.ERROR);
            pseudoClassStateChanged(CRITICAL, severity == Severity.CRITICAL);
            pseudoClassStateChanged(PARSE_ERROR, !empty && row != null && row.hasParseError());
        }
    }
}
