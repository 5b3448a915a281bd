package io.watchpost.ui.sources;

import io.watchpost.source.GroupSnapshot;
import io.watchpost.source.IngestMode;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.time.ZoneId;
import java.util.function.Function;

/** One row per followed group: mode, rates, cost, lag, latency and the last error. */
public final class SourcesTable extends TableView<SourceRow> {

    SourcesTable(SourcesViewModel vm, ZoneId zone) {
        super(vm.rows());
        setId("sources-table");
        getStyleClass().add("sources-table");
        setPlaceholder(new Label("No log groups followed yet: search on the left and follow one."));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<SourceRow, SourceStatus> group = column("Log group", 180, s -> s.logGroup(), null);
        TableColumn<SourceRow, SourceStatus> mode = new TableColumn<>("Mode");
        mode.setCellValueFactory(c -> c.getValue().statusProperty());
        mode.setCellFactory(c -> new ModeCell());
        mode.setPrefWidth(80);
        getColumns().add(group);
        getColumns().add(mode);
        getColumns().add(column("Events/s", 75, s -> SourceFormats.rate(s.snapshot().eventsPerSecond()), "number"));
        getColumns().add(column("Bytes/s", 80, s -> SourceFormats.bytesPerSecond(s.snapshot().bytesPerSecond()), "number"));
        getColumns().add(column("API calls", 72, s -> SourceFormats.count(s.snapshot().apiCalls()), "number"));
        getColumns().add(column("Throttles", 75, s -> SourceFormats.count(s.snapshot().throttles()), "number"));
        getColumns().add(column("Errors", 58, s -> SourceFormats.count(s.snapshot().errors()), "number"));
        getColumns().add(column("Lag", 75, s -> SourceFormats.duration(s.snapshot().lagMillis()), "number"));
        getColumns().add(column("Latency p50/p95", 120, s -> SourceFormats.latency(
                s.snapshot().latencyP50Millis(), s.snapshot().latencyP95Millis()), "number"));
        getColumns().add(column("Last error", 160, s -> lastError(s, zone), "sources-error-cell"));
    }

    private static String lastError(SourceStatus s, ZoneId zone) {
        String error = s.lastError();
        if (error == null) {
            return "";
        }
        GroupSnapshot snap = s.snapshot();
        String when = SourceFormats.when(snap.lastErrorAtMillis(), snap.takenAtMillis(), zone);
        return when.isEmpty() ? error : when + " " + error;
    }

    private static TableColumn<SourceRow, SourceStatus> column(String title, double width,
                                                               Function<SourceStatus, String> text, String styleClass) {
        TableColumn<SourceRow, SourceStatus> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> c.getValue().statusProperty());
        col.setCellFactory(c -> new TextCell(text, styleClass));
        col.setPrefWidth(width);
        return col;
    }

    /** A cell that writes one field of the status; the full text as tooltip, since long errors are cut. */
    private static final class TextCell extends TableCell<SourceRow, SourceStatus> {
        private final Function<SourceStatus, String> text;

        TextCell(Function<SourceStatus, String> text, String styleClass) {
            this.text = text;
            if (styleClass != null) {
                getStyleClass().add(styleClass);
            }
        }

        @Override
        protected void updateItem(SourceStatus item, boolean empty) {
            super.updateItem(item, empty);
            String t = empty || item == null ? null : text.apply(item);
            setText(t);
            setTooltip(t == null || t.length() < 30 ? null : new Tooltip(t));
        }
    }

    /** The mode as a coloured pill; hovering says why it polls rather than using Live Tail, or why it failed. */
    static final class ModeCell extends TableCell<SourceRow, SourceStatus> {
        private static final PseudoClass ERRORING = PseudoClass.getPseudoClass("erroring");
        private final Label pill = new Label();

        ModeCell() {
            getStyleClass().add("source-mode-cell");
            pill.getStyleClass().add("source-mode");
            setGraphic(null);
        }

        @Override
        protected void updateItem(SourceStatus item, boolean empty) {
            super.updateItem(item, empty);
            for (IngestMode m : IngestMode.values()) {
                pill.pseudoClassStateChanged(pseudo(m), !empty && item != null && item.mode() == m);
            }
            if (empty || item == null) {
                pill.pseudoClassStateChanged(ERRORING, false);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            pill.pseudoClassStateChanged(ERRORING, item.mode() != IngestMode.FAILED && item.recentlyFailing());
            pill.setText(SourceFormats.mode(item.mode()));
            setGraphic(pill);
            setTooltip(new Tooltip(item.modeTooltip()));
        }

        private static PseudoClass pseudo(IngestMode m) {
            return PseudoClass.getPseudoClass(m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }
}
