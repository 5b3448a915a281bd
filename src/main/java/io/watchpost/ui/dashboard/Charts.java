package io.watchpost.ui.dashboard;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.spi.GridRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Locale;

/** How every Dashboard chart is set up: a UTC time axis, plain number labels, zoom by drag, pan by middle drag. */
final class Charts {

    private Charts() {
    }

    static DefaultNumericAxis timeAxis() {
        DefaultNumericAxis axis = new DefaultNumericAxis("Time (UTC)");
        axis.setTimeAxis(true);
        axis.setUnit(null);
        axis.setSide(Side.BOTTOM);
        axis.setAutoRanging(false);
        axis.setAnimated(false);
        return axis;
    }

    static DefaultNumericAxis valueAxis(String name, Side side) {
        DefaultNumericAxis axis = new DefaultNumericAxis(name);
        axis.setSide(side);
        axis.setUnit(null);
        axis.setForceZeroInRange(true);
        axis.setAutoRangePadding(0.1);
        axis.setAnimated(false);
        // Grouped numbers with k/M ("12.5k"), not ChartFX's scientific "1.25E4".
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                double a = Math.abs(v);
                if (a >= 1e6) {
                    return String.format(Locale.ROOT, "%.1fM", v / 1e6);
                }
                if (a >= 1e4) {
                    return String.format(Locale.ROOT, "%.0fk", v / 1e3);
                }
                return a >= 10 || v == 0 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.replace(",", ""));
            }
        });
        return axis;
    }

    static XYChart chart(String id, String title, DefaultNumericAxis x, DefaultNumericAxis y) {
        XYChart chart = new XYChart(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinSize(200, 150);
        // Zoom and pan along time only: y follows the data. A drag zooms, a middle-button drag pans, right click zooms out.
        Zoomer zoomer = new Zoomer(AxisMode.X);
        zoomer.setPannerEnabled(true);
        zoomer.setSliderVisible(false);
        chart.getPlugins().add(zoomer);
        chart.getRenderers().clear();
        // No grid lines: ChartFX draws every grid line through a dash-pattern image it snapshots on the FX thread
        // (waiting for the render thread) and caches in a WeakHashMap keyed by boxed Integers, which each GC empties.
        // Under heavy ingest (a GC every second or so) that put 60-70 ms snapshots into pulses.
        GridRenderer grid = chart.getGridRenderer();
        for (javafx.scene.Node lines : List.of(grid.getHorizontalMajorGrid(), grid.getVerticalMajorGrid(),
                grid.getHorizontalMinorGrid(), grid.getVerticalMinorGrid())) {
            lines.setStyle("visibility: hidden;"); // inline: ChartFX's own stylesheet shows them
        }
        return chart;
    }

    static boolean zoomed(XYChart chart) {
        return chart.getPlugins().stream().filter(Zoomer.class::isInstance).map(Zoomer.class::cast)
                .anyMatch(z -> !z.zoomStackDeque().isEmpty());
    }

    static void resetZoom(XYChart chart) {
        chart.getPlugins().stream().filter(Zoomer.class::isInstance).map(Zoomer.class::cast)
                .forEach(z -> z.zoomStackDeque().clear());
    }

    /** A stable colour per source type (the same in both themes: mid-brightness hues that read on white and on black). */
    static String colour(String sourceType) {
        return switch (sourceType) {
            case "cloudtrail" -> "#1f6feb";
            case "vpcflow" -> "#2da44e";
            case "auth" -> "#d4a72c";
            case "json" -> "#8250df";
            case "lambda" -> "#e16f24";
            case "syslog" -> "#57606a";
            case "guardduty" -> "#cf222e";
            case "securityhub" -> "#bf3989";
            default -> "#0a9396";
        };
    }
}
