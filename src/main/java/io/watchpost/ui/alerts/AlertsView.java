package io.watchpost.ui.alerts;

import io.watchpost.detect.RuleSeverity;
import io.watchpost.detect.alerts.StoredAlert;
import io.watchpost.detect.alerts.TriageState;
import io.watchpost.ui.common.OverwriteBanner;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * Alerts to triage: a table (severity, rule, group, first and last time, firings, state), and for the selected
 * alert its author and summary, a triage state with a note, and "Show events". Times are UTC.
 */
public final class AlertsView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public AlertsView(AlertsViewModel model) {
        setId("alerts-view");
        TableView<StoredAlert> table = new TableView<>(model.alerts());
        table.setId("alerts-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("Severity", s -> s.alert().severity().lower(), 70));
        table.getColumns().add(text("Rule", s -> s.alert().ruleTitle(), 200));
        table.getColumns().add(text("Group", s -> s.alert().groupKey(), 140));
        table.getColumns().add(text("First", s -> time(s.alert().firstTime()), 140));
        table.getColumns().add(text("Last", s -> time(s.alert().lastTime()), 140));
        TableColumn<StoredAlert, Integer> firings = new TableColumn<>("Firings");
        firings.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().alert().firings()));
        firings.setPrefWidth(65);
        table.getColumns().add(firings);
        table.getColumns().add(text("State", s -> s.state().label()
                + (model.overwrites().containsKey(s.alert().id()) ? "  ⚠ overwritten" : ""), 150));
        // a marker that changes without the row changing (acknowledged) redraws the cells
        model.overwrites().addListener((javafx.collections.MapChangeListener<String, Object>) c -> table.refresh());
        table.setPlaceholder(new Label("No alerts. Enabled rules raise them as events arrive."));

        ChoiceBox<AlertsViewModel.Scope> scope = new ChoiceBox<>();
        scope.setId("alerts-scope");
        scope.getItems().setAll(AlertsViewModel.Scope.values());
        scope.valueProperty().bindBidirectional(model.scopeProperty());
        ChoiceBox<RuleSeverity> severity = new ChoiceBox<>();
        severity.setId("alerts-min-severity");
        severity.getItems().setAll(RuleSeverity.values());
        severity.setConverter(converter(s -> s == RuleSeverity.INFORMATIONAL ? "any severity" : s.lower() + " and up"));
        severity.valueProperty().bindBidirectional(model.minSeverityProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(a -> model.refresh());
        Label status = new Label();
        status.setId("alerts-status");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(8, new Label("Show"), scope, severity, refresh, status);
        bar.setPadding(new Insets(6));

        Label detail = new Label();
        detail.setId("alert-detail");
        detail.setWrapText(true);
        ChoiceBox<TriageState> state = new ChoiceBox<>();
        state.setId("alert-state");
        state.getItems().setAll(TriageState.values());
        state.setConverter(converter(TriageState::label));
        TextArea note = new TextArea();
        note.setId("alert-note");
        note.setPromptText("Note: what you found, why it is (not) a true positive");
        note.setPrefRowCount(3);
        Button apply = new Button("Save triage");
        apply.setId("alert-apply");
        Button events = new Button("Show events");
        events.setId("alert-show-events");
        OverwriteBanner overwritten = new OverwriteBanner("alert-overwritten",
                () -> model.acknowledgeOverwrite(table.getSelectionModel().getSelectedItem()));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, s) -> {
            boolean none = s == null;
            overwritten.show(none ? null : model.overwrites().get(s.alert().id()));
            apply.setDisable(none);
            events.setDisable(none);
            state.setDisable(none);
            detail.setText(none ? "" : describe(s));
            state.setValue(none ? null : s.state());
            note.setText(none || s.note() == null ? "" : s.note());
        });
        apply.setDisable(true);
        events.setDisable(true);
        state.setDisable(true);
        apply.setOnAction(a -> {
            StoredAlert s = table.getSelectionModel().getSelectedItem();
            if (s != null && state.getValue() != null) {
                model.triage(s, state.getValue(), note.getText());
            }
        });
        events.setOnAction(a -> model.showEvents(table.getSelectionModel().getSelectedItem()));
        model.overwrites().addListener((javafx.collections.MapChangeListener<String, Object>) c -> {
            StoredAlert s = table.getSelectionModel().getSelectedItem();
            overwritten.show(s == null ? null : model.overwrites().get(s.alert().id()));
        });
        VBox side = new VBox(6, overwritten, detail, new HBox(8, new Label("State"), state), note, new HBox(8, apply, events));
        VBox.setVgrow(note, Priority.SOMETIMES);
        side.setPadding(new Insets(6));

        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.7);
        setTop(bar);
        setCenter(split);
    }

    private static String describe(StoredAlert s) {
        var a = s.alert();
        return a.ruleTitle() + " (" + a.ruleId() + ")\nauthor: " + (a.author() == null ? "—" : a.author())
                + "\ntags: " + String.join(", ", a.tags()) + "\n" + a.events().size() + " events, "
                + a.firings() + " firings\n" + (a.summary() == null ? "" : abbreviate(a.summary()));
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    private static TableColumn<StoredAlert, String> text(String title, Function<StoredAlert, String> value, double width) {
        TableColumn<StoredAlert, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : show.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
