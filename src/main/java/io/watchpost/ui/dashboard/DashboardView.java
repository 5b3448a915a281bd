package io.watchpost.ui.dashboard;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.watchpost.store.TalkerKind;
import io.watchpost.ui.common.ChartRenderers;
import io.watchpost.ui.common.LayoutBarrier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The live Dashboard: throughput, latency and anomaly charts and the top talkers, over a chosen window. It lays
 * out and wires controls only; the data sets and what they hold belong to {@link DashboardViewModel}.
 * A click (not a drag) on a bucket asks the view model to open the Explorer there.
 */
public final class DashboardView extends BorderPane {

    public static final String ALL_GROUPS = "All log groups";

    private final DashboardViewModel viewModel;
    private final XYChart throughput;
    private final XYChart latency;
    private final XYChart anomalies;
    private final ChartPanel throughputPanel;
    private final ChartPanel latencyPanel;
    private final ChartPanel anomalyPanel;
    private final TopTalkersPane talkers;
    private final ComboBox<String> groupChoice = new ComboBox<>();
    private final List<ChartPlugin> alertIndicators = new ArrayList<>();
    private List<AlertMarker> shownAlerts = List.of();
    private final CustomRangeBar customRange;

    public DashboardView(DashboardViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("dashboard-view");
        DashboardDataSets sets = viewModel.dataSets();

        // Throughput: stacked filled areas (events/s, left) with bytes/s as a dashed line on its own axis (right).
        DefaultNumericAxis rateAxis = Charts.valueAxis("events/s", Side.LEFT);
        throughput = Charts.chart("dashboard-throughput", "Throughput by source type", Charts.timeAxis(), rateAxis);
        ErrorDataSetRenderer areas = ChartRenderers.sequential();
        areas.setErrorStyle(ErrorStyle.NONE);
        areas.setDrawMarker(false);
        areas.setPolyLineStyle(LineStyle.AREA);
        areas.getDatasets().setAll(sets.stacked());
        sets.stacked().addListener((ListChangeListener<DoubleDataSet>) c -> {
            sets.stacked().forEach(ds -> ds.setStyle("-fx-line-color: " + Charts.colour(ds.getName()) + "; -fx-fill: "
                    + Charts.colour(ds.getName()) + "; -fx-line-width: 1.0;"));
            areas.getDatasets().setAll(sets.stacked());
        });
        DefaultNumericAxis bytesAxis = Charts.valueAxis("bytes/s", Side.RIGHT);
        ErrorDataSetRenderer bytes = ChartRenderers.sequential();
        bytes.setErrorStyle(ErrorStyle.NONE);
        bytes.setDrawMarker(false);
        bytes.getAxes().add(bytesAxis);
        sets.bytesPerSecond().setStyle("-fx-line-color: #6e7781; -fx-line-width: 1.2; -fx-line-dash-array: 5 3;");
        bytes.getDatasets().add(sets.bytesPerSecond());
        throughput.getRenderers().setAll(areas, bytes);
        throughputPanel = new ChartPanel(throughput);
        clicks(throughput, (x, y) -> viewModel.openThroughputBucket(x, y));

        // Latency: p50 / p95 / max per bucket, ms. End-to-end (event time to cached, left axis, solid lines) can be
        // minutes behind while API calls take tens of ms, so the API call lines (dashed) get their own axis (right).
        latency = Charts.chart("dashboard-latency", "Latency: end-to-end and CloudWatch API calls", Charts.timeAxis(),
                Charts.valueAxis("end-to-end ms", Side.LEFT));
        latency.getRenderers().setAll(
                latencyLines(sets.latency(), null, "#1f6feb", "#d4a72c", "#cf222e", ""),
                latencyLines(sets.apiLatency(), Charts.valueAxis("API call ms", Side.RIGHT), "#2da44e", "#8250df", "#bf3989",
                        " -fx-line-dash-array: 6 3;"));
        latencyPanel = new ChartPanel(latency);
        clicks(latency, (x, y) -> viewModel.openLatencyBucket(x));

        // Anomalies: the band as a surface behind the volume line, anomalous points as red markers on top.
        anomalies = Charts.chart("dashboard-anomalies", "Volume against baseline", Charts.timeAxis(),
                Charts.valueAxis("events/bucket", Side.LEFT));
        ErrorDataSetRenderer band = ChartRenderers.sequential();
        band.setErrorStyle(ErrorStyle.ERRORSURFACE);
        band.setDrawMarker(false);
        sets.band().setStyle("-fx-line-color: #8c959f; -fx-fill: #8c959f; -fx-line-width: 1.0; -fx-line-dash-array: 3 3;");
        band.getDatasets().add(sets.band());
        ErrorDataSetRenderer line = ChartRenderers.sequential();
        line.setErrorStyle(ErrorStyle.NONE);
        line.setDrawMarker(false);
        sets.volume().setStyle("-fx-line-color: #1f6feb; -fx-line-width: 2.0;");
        line.getDatasets().add(sets.volume());
        ErrorDataSetRenderer marks = ChartRenderers.sequential();
        marks.setErrorStyle(ErrorStyle.NONE);
        marks.setPolyLineStyle(LineStyle.NONE);
        marks.setDrawMarker(true);
        sets.anomalies().setStyle("-fx-line-color: #cf222e; -fx-fill: #cf222e; -fx-marker-color: #cf222e; -fx-marker-size: 5;");
        marks.getDatasets().add(sets.anomalies());
        anomalies.getRenderers().setAll(band, line, marks);
        anomalyPanel = new ChartPanel(anomalies);
        clicks(anomalies, (x, y) -> viewModel.openAnomalyBucket(x));

        talkers = new TopTalkersPane(viewModel::openTalker);
        customRange = new CustomRangeBar(range -> viewModel.windowProperty().set(DashboardViewModel.customWindow(range)));
        customRange.setVisible(false);
        customRange.setManaged(false);

        setTop(new javafx.scene.layout.VBox(toolbar(), customRange));
        setCenter(grid());

        viewModel.dataProperty().addListener((obs, old, d) -> show(d));
        viewModel.pausedProperty().addListener((obs, old, p) -> show(viewModel.dataProperty().get()));
        show(null);
    }

    /** p50 / p95 / max, heavier for the typical case; {@code axis} null: the chart's own. */
    private static ErrorDataSetRenderer latencyLines(List<DoubleDataSet> sets, DefaultNumericAxis axis, String p50Colour,
                                                     String p95Colour, String maxColour, String dash) {
        ErrorDataSetRenderer lines = ChartRenderers.sequential();
        lines.setErrorStyle(ErrorStyle.NONE);
        lines.setDrawMarker(false);
        if (axis != null) {
            lines.getAxes().add(axis);
        }
        sets.get(0).setStyle("-fx-line-color: " + p50Colour + "; -fx-line-width: 2.0;" + dash);
        sets.get(1).setStyle("-fx-line-color: " + p95Colour + "; -fx-line-width: 1.5;" + dash);
        sets.get(2).setStyle("-fx-line-color: " + maxColour + "; -fx-line-width: 1.0;" + (dash.isEmpty() ? " -fx-line-dash-array: 4 3;" : dash));
        lines.getDatasets().addAll(sets);
        return lines;
    }

    private HBox toolbar() {
        ComboBox<TimeWindow> window = new ComboBox<>();
        window.setId("dashboard-window");
        window.getItems().setAll(TimeWindow.PRESETS);
        window.valueProperty().bindBidirectional(viewModel.windowProperty());
        // A custom window shows in the box while chosen, the presets stay the choices.
        viewModel.windowProperty().addListener((obs, old, w) -> {
            if (w != null && !window.getItems().contains(w)) {
                window.getItems().setAll(TimeWindow.PRESETS);
                window.getItems().add(w);
                window.setValue(w);
            }
        });
        Button wholeCache = new Button("Everything cached");
        wholeCache.setId("dashboard-whole-cache");
        wholeCache.setOnAction(e -> viewModel.selectWholeCache());
        ToggleButton custom = new ToggleButton("Custom range…");
        custom.setId("dashboard-custom");
        custom.selectedProperty().addListener((obs, was, open) -> {
            customRange.setVisible(open);
            customRange.setManaged(open);
            if (open) {
                viewModel.cacheExtent(customRange::setExtent);
            }
        });

        groupChoice.setId("dashboard-group");
        groupChoice.getItems().setAll(ALL_GROUPS);
        groupChoice.setValue(ALL_GROUPS);
        groupChoice.valueProperty().addListener((obs, old, g) ->
                viewModel.anomalyGroupProperty().set(g == null || ALL_GROUPS.equals(g) ? null : g));

        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("dashboard-pause");
        pause.selectedProperty().bindBidirectional(viewModel.pausedProperty());
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(pause.selectedProperty()).then("Resume").otherwise("Pause"));

        Button resetZoom = new Button("Reset zoom");
        resetZoom.setId("dashboard-reset-zoom");
        resetZoom.setOnAction(e -> {
            List.of(throughput, latency, anomalies).forEach(Charts::resetZoom);
            show(viewModel.dataProperty().get());
        });

        Label status = new Label();
        status.setId("dashboard-status");
        status.getStyleClass().add("dashboard-status");
        status.textProperty().bind(viewModel.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label("Dashboard");
        title.getStyleClass().add("dashboard-title");
        // The status changes at every refresh; behind a barrier of fixed width it does not re-lay out the window.
        LayoutBarrier statusBox = new LayoutBarrier(status);
        statusBox.setPrefWidth(260);
        status.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        HBox bar = new HBox(8, title, window, wholeCache, custom, new Label("Anomalies for"), groupChoice, pause, resetZoom, spacer, statusBox);
        bar.getStyleClass().add("dashboard-toolbar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        return bar;
    }

    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("dashboard-grid");
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(0, 8, 8, 8));
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        // Each cell lays itself out: a refresh that changes one chart's axes or one list's counts does not make the
        // grid ask every other chart for its size again.
        grid.add(new LayoutBarrier(throughputPanel), 0, 0);
        grid.add(new LayoutBarrier(latencyPanel), 1, 0);
        grid.add(new LayoutBarrier(anomalyPanel), 0, 1);
        grid.add(new LayoutBarrier(talkers), 1, 1);
        return grid;
    }

    /** A primary click that did not drag (a drag is the Zoomer's), in data coordinates. */
    private static void clicks(XYChart chart, BiConsumer<Double, Double> onClick) {
        chart.getPlotArea().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
                return;
            }
            Point2D p = chart.getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
            if (p.getX() < 0 || p.getY() < 0 || p.getX() > chart.getCanvas().getWidth() || p.getY() > chart.getCanvas().getHeight()) {
                return;
            }
            onClick.accept(chart.getXAxis().getValueForDisplay(p.getX()), chart.getYAxis().getValueForDisplay(p.getY()));
        });
    }

    private void show(DashboardData d) {
        boolean events = d != null && d.hasEvents();
        throughputPanel.setReason(viewModel.emptyReason(events));
        latencyPanel.setReason(viewModel.emptyReason(d != null && d.hasLatency()));
        anomalyPanel.setReason(viewModel.emptyReason(events));
        String building = viewModel.buildingNote();
        throughputPanel.setNote(events ? building : "");
        // Events imported without calling CloudWatch (or an endpoint that was idle) have no API call latency.
        latencyPanel.setNote(d == null || !d.hasLatency() ? "" : !building.isEmpty() ? building
                : d.apiLatency().get(0).isEmpty() ? "no CloudWatch API calls in this window" : "");
        String alertNote = d == null || d.alerts().isEmpty() ? "no alerts yet" : d.alerts().size() + (d.alerts().size() == 1 ? " alert" : " alerts");
        anomalyPanel.setNote(events && !building.isEmpty() ? alertNote + " · " + building : alertNote);
        if (d == null) {
            talkers.show(java.util.Map.of(), viewModel.emptyReason(false));
            return;
        }
        talkers.show(d.talkers(), viewModel.emptyReason(d.hasEvents()));
        double from = d.range().fromMillis() / 1000.0;
        double to = d.range().toMillis() / 1000.0;
        // A zoomed chart stays where the analyst put it; the others slide with the window.
        for (XYChart chart : List.of(throughput, latency, anomalies)) {
            if (!Charts.zoomed(chart)) {
                ((DefaultNumericAxis) chart.getXAxis()).set(from, to);
            }
        }
        List<String> groups = new ArrayList<>();
        groups.add(ALL_GROUPS);
        groups.addAll(d.groups());
        if (!groups.equals(groupChoice.getItems())) {
            String chosen = groupChoice.getValue();
            groupChoice.getItems().setAll(groups);
            groupChoice.setValue(groups.contains(chosen) ? chosen : ALL_GROUPS);
        }
        showAlerts(d.alerts());
    }

    private void showAlerts(List<AlertMarker> alerts) {
        // Swapping plugins re-lays the chart out: only when the markers changed, not at every refresh.
        if (alerts.equals(shownAlerts)) {
            return;
        }
        shownAlerts = List.copyOf(alerts);
        anomalies.getPlugins().removeAll(alertIndicators);
        alertIndicators.clear();
        for (AlertMarker a : alerts) {
            XValueIndicator marker = new XValueIndicator(anomalies.getXAxis(), a.timeMillis() / 1000.0, a.title());
            marker.setEditable(false);
            alertIndicators.add(marker);
        }
        anomalies.getPlugins().addAll(alertIndicators);
    }

    XYChart throughputChart() {
        return throughput;
    }

    XYChart latencyChart() {
        return latency;
    }

    XYChart anomalyChart() {
        return anomalies;
    }

    ChartPanel throughputPanel() {
        return throughputPanel;
    }

    ChartPanel latencyPanel() {
        return latencyPanel;
    }

    ChartPanel anomalyPanel() {
        return anomalyPanel;
    }

    CustomRangeBar customRange() {
        return customRange;
    }

    TopTalkersPane talkers() {
        return talkers;
    }
}
