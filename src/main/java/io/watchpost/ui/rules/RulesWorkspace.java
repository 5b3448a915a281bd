package io.watchpost.ui.rules;

import io.watchpost.detect.Backtest;
import io.watchpost.ui.common.OverwriteBanner;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The rules workspace: the rule list on the left; the YAML editor with its live validation (click the error to put
 * the caret on it) in the middle; the rule's test cases and Run tests on the right; a backtest over the cache (hits
 * per time bucket and the first matches) below. Nothing here touches files, SQL or the engine: the model does.
 */
public final class RulesWorkspace extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("MM-dd HH'h'").withZone(ZoneOffset.UTC);

    private final RulesWorkspaceModel model;
    private final TextArea editor = new TextArea();

    public RulesWorkspace(RulesWorkspaceModel model) {
        this.model = model;
        setId("rules-workspace");

        ListView<RuleEntry> list = new ListView<>(model.rules());
        list.setId("rules-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RuleEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, old, e) -> {
            if (e != null && e != model.selectedProperty().get()) {
                model.selectedProperty().set(e);
            }
        });
        model.selectedProperty().addListener((o, old, e) -> {
            if (e == null) {
                list.getSelectionModel().clearSelection(); // a new, unsaved rule is in the editor
            } else if (list.getSelectionModel().getSelectedItem() != e) {
                list.getSelectionModel().select(e);
            }
        });
        Button newRule = new Button("New rule");
        newRule.setId("rule-new");
        newRule.setOnAction(a -> model.newRule());
        VBox left = new VBox(6, new Label("Rules"), list, newRule);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(6));

        editor.setId("rule-editor");
        editor.setStyle("-fx-font-family: monospace;");
        editor.textProperty().bindBidirectional(model.editorTextProperty());
        Hyperlink error = new Hyperlink();
        error.setId("rule-error");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> model.validationProperty().get().message(),
                model.validationProperty()));
        error.setOnAction(a -> moveCaretToError());
        CheckBox enabled = new CheckBox("Enabled in the running engine");
        enabled.setId("rule-enabled");
        model.selectedProperty().addListener((o, old, e) -> enabled.setSelected(e != null && e.enabled()));
        enabled.setOnAction(a -> model.setEnabled(enabled.isSelected()));
        Button save = new Button("Save");
        save.setId("rule-save");
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.validationProperty().get().valid(),
                model.validationProperty()));
        save.setOnAction(a -> model.save());
        HBox editorBar = new HBox(8, save, enabled);
        OverwriteBanner overwritten = new OverwriteBanner("rule-overwritten", model::acknowledgeOverwrite);
        model.selectedProperty().addListener((o, old, e) -> overwritten.show(e == null ? null : e.overwrite()));
        VBox center = new VBox(6, overwritten, editor, error, editorBar);
        VBox.setVgrow(editor, Priority.ALWAYS);
        center.setPadding(new Insets(6));

        TableView<TestCaseRow> tests = new TableView<>(model.tests());
        tests.setId("rule-tests");
        tests.getColumns().add(column("Test case", TestCaseRow::name, 220));
        TableColumn<TestCaseRow, String> result = new TableColumn<>("Result");
        result.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        result.setPrefWidth(70);
        tests.getColumns().add(result);
        tests.getColumns().add(column("Detail", TestCaseRow::detail, 220));
        tests.setPlaceholder(new Label("no test cases"));
        Button run = new Button("Run tests");
        run.setId("rule-run-tests");
        run.setOnAction(a -> model.runTests());
        Label summary = new Label();
        summary.setId("rule-test-summary");
        summary.textProperty().bind(model.testSummaryProperty());
        VBox right = new VBox(6, new Label("Test cases"), tests, new HBox(8, run, summary));
        VBox.setVgrow(tests, Priority.ALWAYS);
        right.setPadding(new Insets(6));

        SplitPane top = new SplitPane(left, center, right);
        top.setDividerPositions(0.22, 0.65);
        SplitPane main = new SplitPane(top, backtestPane());
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.68);
        setCenter(main);
        Label status = new Label();
        status.setId("rules-status");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(2, 6, 2, 6));
        setBottom(status);
    }

    private BorderPane backtestPane() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("backtest-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setBarGap(1);
        chart.setCategoryGap(2);
        chart.setPrefHeight(180);
        ListView<String> matches = new ListView<>();
        matches.setId("backtest-matches");
        matches.setPlaceholder(new Label("Run a backtest to see what the rule would have raised on the cache."));
        model.backtestProperty().addListener((o, old, r) -> show(r, chart, matches));
        Button run = new Button("Backtest on cache");
        run.setId("rule-backtest");
        run.setOnAction(a -> model.runBacktest());
        run.disableProperty().bind(model.busyProperty());
        SplitPane body = new SplitPane(chart, matches);
        body.setDividerPositions(0.55);
        BorderPane pane = new BorderPane(body);
        pane.setTop(new HBox(8, run, new Label("hits per time bucket (UTC) and the first matches, before enabling")));
        pane.setPadding(new Insets(6));
        return pane;
    }

    private static void show(Backtest.Result r, BarChart<String, Number> chart, ListView<String> matches) {
        chart.getData().clear();
        matches.getItems().clear();
        if (r == null) {
            return;
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        boolean oneDay = r.buckets().isEmpty() || DAY.format(r.buckets().get(0).start())
                .equals(DAY.format(r.buckets().get(r.buckets().size() - 1).start()));
        for (Backtest.Bucket b : r.buckets()) {
            series.getData().add(new XYChart.Data<>((oneDay ? CLOCK : DAY_HOUR).format(b.start()), b.hits()));
        }
        chart.getData().add(series);
        for (Backtest.Match m : r.firstMatches()) {
            String s = m.summary() == null ? "" : m.summary();
            matches.getItems().add(TIME.format(m.time()) + "  " + m.event().logGroup() + "  "
                    + (s.length() > 160 ? s.substring(0, 160) + "…" : s));
        }
        if (r.firstMatches().isEmpty()) {
            matches.getItems().add("no hits over " + r.eventsScanned() + " events");
        }
    }

    private void moveCaretToError() {
        RuleValidation v = model.validationProperty().get();
        if (!v.valid() && v.line() > 0) {
            editor.requestFocus();
            editor.positionCaret(RulesWorkspaceModel.offsetOf(editor.getText(), v.line(), v.column()));
        }
    }

    private static TableColumn<TestCaseRow, String> column(String title,
                                                           java.util.function.Function<TestCaseRow, String> value,
                                                           double width) {
        TableColumn<TestCaseRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** For tests and the window: the editor, so the caret can be read. */
    TextArea editor() {
        return editor;
    }
}
