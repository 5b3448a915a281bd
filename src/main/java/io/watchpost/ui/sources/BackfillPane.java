package io.watchpost.ui.sources;

import io.watchpost.source.BackfillProgress;
import io.watchpost.source.IngestMode;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Backfill of a chosen range for the group selected in the table: a preset or start/end pickers, a progress bar
 * with events done and ETA, and Cancel.
 */
final class BackfillPane extends VBox {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final SourcesViewModel vm;
    private final ObservableValue<String> group;
    private final ZoneId zone;
    private final Clock clock;
    private final DatePicker startDate = new DatePicker();
    private final TextField startTime = timeField("sources-backfill-start-time");
    private final DatePicker endDate = new DatePicker();
    private final TextField endTime = timeField("sources-backfill-end-time");
    private final ComboBox<RangePreset> preset = new ComboBox<>();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label status = new Label();
    private final Label target = new Label();

    /** @param group the log group selected in the table, or null */
    BackfillPane(SourcesViewModel vm, ObservableValue<String> group, ZoneId zone, Clock clock) {
        super(6);
        this.vm = vm;
        this.group = group;
        this.zone = zone;
        this.clock = clock;
        getStyleClass().add("sources-backfill");

        Label title = new Label("Backfill");
        title.getStyleClass().add("sources-title");
        target.setId("sources-backfill-group");
        target.getStyleClass().add("sources-muted");
        target.textProperty().bind(Bindings.createStringBinding(() -> group.getValue() == null
                ? "select a followed group in the table" : "of " + group.getValue(), group));

        preset.setId("sources-backfill-preset");
        preset.getItems().setAll(RangePreset.values());
        // A cleared combo box forgets its prompt text (a JavaFX quirk), so the button cell names the empty choice.
        preset.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(RangePreset item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "Custom range" : item.toString());
            }
        });
        preset.valueProperty().addListener((obs, old, p) -> {
            if (p != null) {
                showRange(p.endingAt(clock.millis()));
            }
        });
        startDate.setId("sources-backfill-start-date");
        endDate.setId("sources-backfill-end-date");
        for (DatePicker d : new DatePicker[]{startDate, endDate}) {
            d.setPrefWidth(130);
        }
        preset.getSelectionModel().select(RangePreset.LAST_HOUR);

        Button start = new Button("Start backfill");
        start.setId("sources-backfill-start");
        start.getStyleClass().add("sources-primary");
        start.disableProperty().bind(vm.backfillRunningBinding().or(Bindings.createBooleanBinding(
                () -> group.getValue() == null, group)));
        start.setOnAction(e -> start());

        Button cancel = new Button("Cancel");
        cancel.setId("sources-backfill-cancel");
        cancel.disableProperty().bind(vm.backfillRunningBinding().not().or(vm.cancellingProperty()));
        cancel.setOnAction(e -> vm.cancelBackfill());

        HBox head = new HBox(8, title, target);
        head.setAlignment(Pos.BASELINE_LEFT);
        HBox range = new HBox(8, preset, new Label("From"), startDate, startTime, new Label("to"), endDate, endTime,
                start);
        range.setAlignment(Pos.CENTER_LEFT);

        bar.setId("sources-backfill-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        status.setId("sources-backfill-status");
        status.setMinWidth(360);
        status.getStyleClass().add("sources-backfill-status");
        HBox progress = new HBox(8, bar, status, cancel);
        progress.setAlignment(Pos.CENTER_LEFT);

        vm.backfillProperty().addListener((obs, old, p) -> show(p));
        vm.cancellingProperty().addListener((obs, old, c) -> show(vm.backfillProperty().get()));
        show(vm.backfillProperty().get());
        getChildren().addAll(head, range, progress);
    }

    private void start() {
        String g = group.getValue();
        if (g == null) {
            return;
        }
        BackfillRange range;
        try {
            range = BackfillRange.of(startDate.getValue(), startTime.getText(), endDate.getValue(), endTime.getText(), zone);
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            status.pseudoClassStateChanged(FAILED, true);
            return;
        }
        vm.startBackfill(g, range);
    }

    /** Sets the pickers to a custom range (the preset box clears, since the range is no longer "last N"). */
    void fill(BackfillRange range) {
        preset.getSelectionModel().clearSelection();
        showRange(range);
    }

    private void showRange(BackfillRange range) {
        LocalDateTime s = LocalDateTime.ofInstant(Instant.ofEpochMilli(range.startMillis()), zone);
        LocalDateTime e = LocalDateTime.ofInstant(Instant.ofEpochMilli(range.endMillis()), zone);
        startDate.setValue(s.toLocalDate());
        startTime.setText(s.toLocalTime().withNano(0).toString());
        endDate.setValue(e.toLocalDate());
        endTime.setText(e.toLocalTime().withNano(0).toString());
    }

    private void show(BackfillProgress p) {
        status.pseudoClassStateChanged(FAILED, p != null && p.state() == IngestMode.FAILED);
        if (p == null) {
            bar.setProgress(0);
            status.setText("No backfill yet.");
            return;
        }
        bar.setProgress(p.state() == IngestMode.DONE ? 1 : p.coveredShare());
        status.setText(SourceFormats.backfill(p, vm.cancellingProperty().get()));
    }

    private static TextField timeField(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(6);
        f.setPromptText("HH:mm");
        return f;
    }
}
