package io.watchpost.ui.dashboard;

/** One named line of a chart: x in epoch seconds (ChartFX time axes count seconds), y in the chart's unit. */
public record Series(String name, double[] x, double[] y) {

    public boolean isEmpty() {
        return x.length == 0;
    }
}
