package io.watchpost.ui.throughput;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.watchpost.ui.common.ChartRenderers;
import javafx.scene.layout.BorderPane;

/**
 * A live line chart of ingestion throughput. The data sets belong to {@link ThroughputViewModel}, which fills
 * them in the background; this view only lays out the chart and slides the time axis along.
 */
public final class ThroughputView extends BorderPane {

    public static final String TITLE = "Events stored per second";

    private final XYChart chart;
    private final DefaultNumericAxis timeAxis = new DefaultNumericAxis("Time (UTC)");
    private final DefaultNumericAxis rateAxis = new DefaultNumericAxis("events/s");

    public ThroughputView(ThroughputViewModel viewModel) {
        getStyleClass().add("throughput-view");

        timeAxis.setTimeAxis(true);
        timeAxis.setUnit(null); // the tick labels are times; an empty "[]" unit would only add noise
        timeAxis.setSide(Side.BOTTOM);
        timeAxis.setAutoRanging(false);
        timeAxis.setAnimated(false);
        rateAxis.setSide(Side.LEFT);
        rateAxis.setForceZeroInRange(true);
        rateAxis.setAutoRangePadding(0.1);
        rateAxis.setAnimated(false);
        rateAxis.setUnit(null);
        // Plain grouped integers ("12,500"), not ChartFX's default scientific labels ("1E4").
        rateAxis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(java.util.Locale.ROOT, "%,.0f", n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.replace(",", ""));
            }
        });

        ErrorDataSetRenderer renderer = ChartRenderers.sequential();
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        // Stored is the headline series; read is context, so it is thinner, grey and dashed.
        viewModel.storedPerSecond().setStyle("-fx-line-color: #1f6feb; -fx-line-width: 2.0; -fx-marker-size: 0;");
        viewModel.readPerSecond().setStyle("-fx-line-color: #8c959f; -fx-line-width: 1.2; -fx-line-dash-array: 5 3; -fx-marker-size: 0;");
        renderer.getDatasets().addAll(viewModel.storedPerSecond(), viewModel.readPerSecond());

        chart = new XYChart(timeAxis, rateAxis);
        chart.setId("throughput-chart");
        chart.setTitle(TITLE);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getRenderers().setAll(renderer);
        chart.setMinHeight(150);
        setCenter(chart);

        viewModel.visibleWindowProperty().addListener((obs, old, window) -> {
            if (window != null) {
                timeAxis.set(window.fromSeconds(), window.toSeconds());
            }
        });
    }

    public XYChart chart() {
        return chart;
    }
}
