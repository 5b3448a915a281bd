package io.watchpost.ui.dashboard;

/**
 * A learned band for a volume series: exponentially weighted mean and variance (EWMA, as in control charts), a point
 * being anomalous when it leaves mean ± k·σ. Each point is judged against the band learned from the points before
 * it, then folded in, so a spike cannot hide itself by widening its own band. The first {@link #WARM_UP} points
 * only teach.
 */
public record Baseline(double[] mean, double[] sigma, boolean[] anomalous) {

    static final double ALPHA = 0.2;
    static final double K = 3;
    static final int WARM_UP = 5;
    /** σ never drops below this share of the mean (plus one event), so a flat series does not flag +1 as an anomaly. */
    private static final double MIN_RELATIVE_SIGMA = 0.1;

    public static Baseline learn(double[] values) {
        int n = values.length;
        double[] mean = new double[n];
        double[] sigma = new double[n];
        boolean[] anomalous = new boolean[n];
        double m = n > 0 ? values[0] : 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            double s = Math.max(Math.sqrt(variance), MIN_RELATIVE_SIGMA * Math.abs(m) + 1);
            mean[i] = m;
            sigma[i] = s;
            anomalous[i] = i >= WARM_UP && Math.abs(values[i] - m) > K * s;
            // An anomaly teaches only as far as the band's edge (a robust EWMA): a burst neither drags the mean
            // after it nor blows the band open for the next hour, while a lasting shift is still learned step by step.
            double diff = anomalous[i] ? Math.copySign(K * s, values[i] - m) : values[i] - m;
            double alpha = ALPHA;
            m += alpha * diff;
            variance = (1 - alpha) * (variance + alpha * diff * diff);
        }
        return new Baseline(mean, sigma, anomalous);
    }
}
