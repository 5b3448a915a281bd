package io.watchpost.ui.settings;

import javafx.geometry.Rectangle2D;

import java.util.List;

/**
 * Where the main window was: its normal (un-maximized) bounds and whether it was maximized.
 *
 * <p>{@link #clampTo} makes a remembered position safe to restore: a monitor may have been unplugged or the
 * resolution lowered since, and a window restored off-screen is a window the user cannot reach.
 */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {

    /** Smallest size worth restoring; anything smaller was a glitch, not a choice. */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 400;

    /**
     * These bounds moved and shrunk to lie wholly inside one screen: the screen the window overlaps most, or the
     * first (primary) screen when it overlaps none. {@code screens} are visual bounds (without task bars).
     */
    public WindowGeometry clampTo(List<Rectangle2D> screens) {
        if (screens.isEmpty()) {
            return this;
        }
        Rectangle2D best = screens.get(0);
        double bestArea = 0;
        for (Rectangle2D s : screens) {
            double area = overlap(s);
            if (area > bestArea) {
                bestArea = area;
                best = s;
            }
        }
        double w = Math.min(Math.max(width, Math.min(MIN_WIDTH, best.getWidth())), best.getWidth());
        double h = Math.min(Math.max(height, Math.min(MIN_HEIGHT, best.getHeight())), best.getHeight());
        double nx;
        double ny;
        if (bestArea == 0) { // nowhere on any screen: centre it on the primary one
            nx = best.getMinX() + (best.getWidth() - w) / 2;
            ny = best.getMinY() + (best.getHeight() - h) / 2;
        } else {
            nx = Math.min(Math.max(x, best.getMinX()), best.getMaxX() - w);
            ny = Math.min(Math.max(y, best.getMinY()), best.getMaxY() - h);
        }
        return new WindowGeometry(nx, ny, w, h, maximized);
    }

    private double overlap(Rectangle2D s) {
        double w = Math.min(x + width, s.getMaxX()) - Math.max(x, s.getMinX());
        double h = Math.min(y + height, s.getMaxY()) - Math.max(y, s.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
