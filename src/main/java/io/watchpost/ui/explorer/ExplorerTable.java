package io.watchpost.ui.explorer;

import io.watchpost.normalize.Severity;
import io.watchpost.ui.events.EventRow;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseButton;

import java.util.function.Function;

/**
 * The result table. Virtualized twice: TableView makes cells only for the visible rows, and the rows themselves
 * ({@link ResultRows}) span the whole result but are read from the cache a page at a time as they come into view,
 * so the scrollbar covers millions of events while memory holds a few pages. The "+" menu at the right of the
 * header is the column chooser; the pivot menu opens on right-click of any value.
 */
final class ExplorerTable extends TableView<EventRow> {

    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("severity-warning");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("severity-error");
    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("severity-critical");
    private static final PseudoClass PARSE_ERROR = PseudoClass.getPseudoClass("parse-error");

    ExplorerTable(ExplorerViewModel viewModel, PivotActions actions) {
        itemsProperty().bind(viewModel.rowsProperty());
        setId("explorer-table");
        getStyleClass().addAll("events-table", "explorer-table");
        setPlaceholder(new Label("No events match this filter and range"));
        setTableMenuButtonVisible(true);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setFixedCellSize(24); // fixed height: the virtual flow need not measure rows, scrolling stays cheap
        setRowFactory(t -> new SeverityRow());
        getColumns().add(column("Time (UTC)", null, 168, EventRow::time, actions));
        getColumns().add(column("Severity", "log.level", 72, r -> r.severity() == null ? "" : r.severity().name(), actions));
        getColumns().add(column("Source type", "event.dataset", 80, EventRow::sourceType, actions));
        getColumns().add(column("Log group", "log.group", 150, EventRow::logGroup, actions));
        getColumns().add(column("Action", "event.action", 120, EventRow::action, actions));
        getColumns().add(column("Outcome", "event.outcome", 68, EventRow::outcome, actions));
        getColumns().add(column("User", "user.name", 95, EventRow::user, actions));
        getColumns().add(column("Source IP", "source.ip", 105, EventRow::sourceIp, actions));
        getColumns().add(column("Message", "message", 260, EventRow::message, actions));
        // Source type is implied by the log group most of the time: offered in the column chooser, hidden at first.
        getColumns().get(2).setVisible(false);
        getColumns().get(0).setMinWidth(172); // a cut-off timestamp is useless; the message column gives way instead
        getColumns().get(1).setMinWidth(76);
        getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> viewModel.select(row));
        // Keyboard End lands on the last row through the focus, not through scrollTo: pin the end there too.
        getFocusModel().focusedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() > 0 && index.intValue() == getItems().size() - 1) {
                Platform.runLater(this::pinToEnd);
            }
        });
    }

    @Override
    public void scrollTo(int index) {
        super.scrollTo(index);
        if (index > 0 && index >= getItems().size() - 1) {
            pinToEnd();
        }
    }

    /**
     * Shows the very last row. On a table of hundreds of thousands of rows, VirtualFlow's scroll to the last index
     * stops a row short (its position lands a hair below 1.0 and the last cell is never laid out).
     */
    private void pinToEnd() {
        if (lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.setPosition(1.0);
        }
    }

    private static TableColumn<EventRow, String> column(String title, String field, double width,
                                                        Function<EventRow, String> value, PivotActions actions) {
        TableColumn<EventRow, String> column = new TableColumn<>(title);
        column.setId("explorer-col-" + (field == null ? "time" : field));
        column.setPrefWidth(width);
        // Order is the view model's (newest/oldest first, by the keyset index): a header sort would only sort the
        // rows loaded so far, which would lie about the result.
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())).getReadOnlyProperty());
        column.setCellFactory(c -> new ValueCell(field, actions));
        return column;
    }

    /** A text cell whose right-click menu pivots on its column's field and its value. */
    private static final class ValueCell extends TableCell<EventRow, String> {
        ValueCell(String field, PivotActions actions) {
            // The menu is built when asked for, not per cell update: scrolling a million rows builds none.
            // Secondary press covers every platform; the context-menu event covers the keyboard (Shift+F10, menu key).
            setOnMousePressed(e -> {
                if (e.getButton() == MouseButton.SECONDARY && showMenu(field, actions, e.getScreenX(), e.getScreenY())) {
                    e.consume();
                }
            });
            setOnContextMenuRequested(e -> {
                if (e.isKeyboardTrigger()) {
                    javafx.geometry.Point2D p = localToScreen(getWidth() / 2, getHeight() / 2);
                    showMenu(field, actions, p.getX(), p.getY());
                }
                e.consume();
            });
        }

        private boolean showMenu(String field, PivotActions actions, double screenX, double screenY) {
            EventRow row = getTableRow() == null ? null : getTableRow().getItem();
            String value = getItem();
            if (field == null || row == null || value == null || value.isEmpty()) {
                return false;
            }
            getTableView().getSelectionModel().clearAndSelect(getIndex());
            ContextMenu menu = PivotMenu.build(field, value, row.source().event(), actions);
            menu.show(this, screenX, screenY);
            return true;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }

    /** Colours a row by its event's severity and parse error. */
    private static final class SeverityRow extends TableRow<EventRow> {
        @Override
        protected void updateItem(EventRow row, boolean empty) {
            super.updateItem(row, empty);
            Severity s = empty || row == null ? null : row.severity();
            pseudoClassStateChanged(WARNING, s == Severity.WARNING);
            pseudoClassStateChanged(ERROR, s == Severity.ERROR);
            pseudoClassStateChanged(CRITICAL, s == Severity.CRITICAL);
            pseudoClassStateChanged(PARSE_ERROR, row != null && !empty && row.hasParseError());
        }
    }
}
