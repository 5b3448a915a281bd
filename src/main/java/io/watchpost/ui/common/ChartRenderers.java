package io.watchpost.ui.common;

import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;

/** The renderers every view's ChartFX charts draw with. */
public final class ChartRenderers {

    private ChartRenderers() {
    }

    /**
     * A renderer that maps its points to the screen on the FX thread itself. ChartFX's default splits that work over
     * its common thread pool and makes the FX thread wait for it (invokeAll): with both cores busy ingesting, the pool
     * threads' turn came late and the pulse waited 50-60 ms for a few hundred points (UI stall bench, FX thread parked
     * in CachedDataPoints.computeScreenCoordinatesParallel). Our charts hold per-second or per-bucket series, a few
     * thousand points at most, which one thread maps in well under a millisecond.
     */
    public static ErrorDataSetRenderer sequential() {
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setParallelImplementation(false);
        return renderer;
    }
}
