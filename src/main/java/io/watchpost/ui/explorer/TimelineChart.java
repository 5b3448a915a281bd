package io.watchpost.ui.explorer;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.watchpost.normalize.Severity;
import io.watchpost.store.Histogram;
import io.watchpost.store.TimeRange;
import io.watchpost.ui.common.ChartRenderers;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.geometry.Pos;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Arrays;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Events per time bucket as stacked bars (ChartFX), split by severity or source type. Dragging across the chart
 * selects a time range and hands it to {@code onRangeSelected}; the overlay rectangle shows the drag as it happens.
 */
final class TimelineChart extends StackPane {

    /** Below this many pixels a press-release is a click, not a selection. */
    private static final double MIN_DRAG_PIXELS = 4;

    /**
     * Mid-brightness hues that read on the light and on the dark theme's surface alike (the chart does not know the
     * theme). Critical is a magenta apart from error's red: a dark maroon vanished against the dark background.
     */
    private static final Map<String, String> SEVERITY_COLORS = Map.of("DEBUG", "#9aa4ae", "INFO", "#4c8fd6",
            "NOTICE", "#53a4a0", "WARNING", "#e3a21a", "ERROR", "#d9534f", "CRITICAL", "#d02670");
    private static final String[] PALETTE = {"#4c8fd6", "#e3a21a", "#53a67a", "#b25fc9", "#d9534f", "#7a8896",
            "#2bb3c0", "#c98a5f"};

    private final DefaultNumericAxis timeAxis = new DefaultNumericAxis("Time (UTC)");
    private final DefaultNumericAxis countAxis = new DefaultNumericAxis("events");
    private final ErrorDataSetRenderer renderer = ChartRenderers.sequential();
    private final XYChart chart;
    private final Pane overlay = new Pane();
    private final Rectangle selection = new Rectangle();
    private final HBox key = new HBox(10);
    private final Consumer<TimeRange> onRangeSelected;
    private double pressX = Double.NaN;
    private Histogram shown;

    TimelineChart(Consumer<TimeRange> onRangeSelected) {
        this.onRangeSelected = onRangeSelected;
        getStyleClass().add("explorer-timeline");
        setId("explorer-timeline");
        timeAxis.setTimeAxis(true);
        timeAxis.setUnit(null);
        timeAxis.setSide(Side.BOTTOM);
        timeAxis.setAutoRanging(false);
        timeAxis.setAnimated(false);
        countAxis.setSide(Side.LEFT);
        countAxis.setUnit(null);
        countAxis.setForceZeroInRange(true);
        countAxis.setAutoRangePadding(0.1);
        countAxis.setAnimated(false);
        countAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%,.0f", n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.replace(",", ""));
            }
        });
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setDrawBars(true);
        renderer.setPolyLineStyle(LineStyle.NONE);
        renderer.setDynamicBarWidth(true);
        renderer.setBarWidthPercentage(85);
        renderer.setShiftBar(false);

        chart = new XYChart(timeAxis, countAxis);
        chart.setAnimated(false);
        // ChartFX's legend takes a whole row or column; a small key over the top right corner leaves room for bars.
        chart.setLegendVisible(false);
        chart.getRenderers().setAll(renderer);
        chart.setMinHeight(140);

        selection.getStyleClass().add("explorer-timeline-selection");
        selection.setVisible(false);
        selection.setManaged(false);
        overlay.getChildren().add(selection);
        overlay.setMouseTransparent(true);
        key.getStyleClass().add("explorer-timeline-key");
        key.setMouseTransparent(true);
        key.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(key, Pos.TOP_RIGHT);
        getChildren().addAll(chart, overlay, key);

        // Filters, not handlers: the drag is ours even where ChartFX's canvas would take the mouse.
        addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
    }

    /** Draws the histogram: one data set per split value, stacked by drawing cumulative sums over each other. */
    void show(Histogram histogram, TimeRange range) {
        shown = histogram;
        List<Histogram.Bucket> buckets = histogram.buckets();
        int n = buckets.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (buckets.get(i).startMillis() + histogram.bucketMillis() / 2.0) / 1000.0;
        }
        List<String> keys = splitKeys(buckets);
        List<DoubleDataSet> sets = new ArrayList<>();
        double[] running = new double[n];
        for (String key : keys) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                Histogram.Bucket b = buckets.get(i);
                running[i] += key == null ? b.count() : b.bySplit().getOrDefault(key, 0L);
                y[i] = running[i];
            }
            DoubleDataSet set = new DoubleDataSet(key == null ? "events" : key.toLowerCase(Locale.ROOT));
            set.set(Arrays.copyOf(x, n), y);
            String color = colorFor(key, sets.size());
            set.setStyle("-fx-line-color: " + color + "; -fx-fill: " + color + "; -fx-stroke: " + color
                    + "; -fx-marker-color: " + color + ";");
            sets.add(set);
        }
        // ChartFX paints the last data set first: the smallest cumulative sum is listed first so it lands on top.
        renderer.getDatasets().setAll(sets);
        showKey(keys);
        timeAxis.set(range.fromMillis() / 1000.0, range.toMillis() / 1000.0);
        countAxis.setAutoRanging(true);
        chart.invalidate();
    }

    private void showKey(List<String> keys) {
        key.getChildren().clear();
        if (keys.size() == 1 && keys.get(0) == null) {
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            Rectangle swatch = new Rectangle(10, 10, Color.web(colorFor(keys.get(i), i)));
            Label label = new Label(keys.get(i).toLowerCase(Locale.ROOT), swatch);
            label.getStyleClass().add("explorer-timeline-key-item");
            key.getChildren().add(label);
        }
    }

    private static List<String> splitKeys(List<Histogram.Bucket> buckets) {
        TreeSet<String> keys = new TreeSet<>((a, b) -> severityRank(a) != severityRank(b)
                ? Integer.compare(severityRank(a), severityRank(b)) : a.compareTo(b));
        for (Histogram.Bucket b : buckets) {
            keys.addAll(b.bySplit().keySet());
        }
        List<String> out = new ArrayList<>(keys);
        if (out.isEmpty()) {
            out.add(null);
        }
        return out;
    }

    private static int severityRank(String key) {
        try {
            return Severity.valueOf(key).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String colorFor(String key, int index) {
        if (key == null) {
            return PALETTE[0];
        }
        return SEVERITY_COLORS.getOrDefault(key, PALETTE[index % PALETTE.length]);
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        pressX = sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        double x = sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
        selection.setX(Math.min(pressX, x));
        selection.setWidth(Math.abs(x - pressX));
        selection.setY(0);
        selection.setHeight(getHeight());
        selection.setVisible(true);
        e.consume();
    }

    private void released(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        double startX = pressX;
        pressX = Double.NaN;
        selection.setVisible(false);
        double endX = sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
        e.consume();
        if (Math.abs(endX - startX) < MIN_DRAG_PIXELS) {
            zoomIntoBucketAt(endX);
            return;
        }
        long a = millisAt(Math.min(startX, endX));
        long b = millisAt(Math.max(startX, endX));
        if (b > a) {
            onRangeSelected.accept(new TimeRange(a, b));
        }
    }

    /** A click on a bar narrows the range to that bar's bucket, as in Kibana; a click between bars does nothing. */
    private void zoomIntoBucketAt(double localX) {
        Histogram h = shown;
        if (h == null || h.bucketMillis() <= 0) {
            return;
        }
        long t = millisAt(localX);
        int i = (int) Math.floorDiv(t - h.fromMillis(), h.bucketMillis());
        if (i >= 0 && i < h.buckets().size() && h.buckets().get(i).count() > 0) {
            long start = h.buckets().get(i).startMillis();
            onRangeSelected.accept(new TimeRange(start, start + h.bucketMillis()));
        }
    }

    /** The time under a horizontal position of this pane, clamped to the axis. */
    long millisAt(double localX) {
        Point2D onAxis = timeAxis.sceneToLocal(localToScene(localX, 0));
        double seconds = timeAxis.getValueForDisplay(onAxis.getX());
        seconds = Math.max(timeAxis.getMin(), Math.min(timeAxis.getMax(), seconds));
        return Math.round(seconds * 1000);
    }

    /** The horizontal position in this pane of a time; for tests that drag from one time to another. */
    double xFor(long millis) {
        double onAxis = timeAxis.getDisplayPosition(millis / 1000.0);
        return sceneToLocal(timeAxis.localToScene(onAxis, 0)).getX();
    }

    /** The time axis's current bounds in epoch seconds (after layout), for tests. */
    double[] axisSeconds() {
        return new double[]{timeAxis.getMin(), timeAxis.getMax()};
    }

    XYChart chart() {
        return chart;
    }

    List<DoubleDataSet> dataSets() {
        List<DoubleDataSet> out = new ArrayList<>();
        renderer.getDatasets().forEach(d -> out.add((DoubleDataSet) d));
        return out;
    }

}
