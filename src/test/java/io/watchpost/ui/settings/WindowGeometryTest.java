package io.watchpost.ui.settings;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A remembered window comes back where it was when that is still on a screen, and fully visible when not. */
class WindowGeometryTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 800);
    private static final Rectangle2D MONITOR = new Rectangle2D(1280, 0, 2560, 1440);

    @Test
    void aWindowOnAScreenStaysWhereItWas() {
        WindowGeometry g = new WindowGeometry(100, 50, 900, 600, false);
        assertEquals(g, g.clampTo(List.of(LAPTOP, MONITOR)));
        WindowGeometry onMonitor = new WindowGeometry(2000, 300, 1600, 1000, true);
        assertEquals(onMonitor, onMonitor.clampTo(List.of(LAPTOP, MONITOR)));
    }

    @Test
    void aWindowOnAnUnpluggedMonitorIsCentredOnThePrimaryScreenAndShrunkToFit() {
        WindowGeometry g = new WindowGeometry(2000, 300, 1600, 1000, false).clampTo(List.of(LAPTOP));
        assertEquals(new WindowGeometry(0, 0, 1280, 800, false), g);
        WindowGeometry small = new WindowGeometry(3000, 900, 800, 500, false).clampTo(List.of(LAPTOP));
        assertEquals(new WindowGeometry(240, 150, 800, 500, false), small);
    }

    @Test
    void aWindowHangingOffTheEdgeIsPulledBackInside() {
        WindowGeometry g = new WindowGeometry(900, -40, 900, 600, false).clampTo(List.of(LAPTOP));
        assertEquals(new WindowGeometry(380, 0, 900, 600, false), g);
    }

    @Test
    void aWindowMostlyOnTheSecondMonitorStaysThere() {
        WindowGeometry g = new WindowGeometry(1200, 100, 1000, 700, false).clampTo(List.of(LAPTOP, MONITOR));
        assertEquals(new WindowGeometry(1280, 100, 1000, 700, false), g);
    }

    @Test
    void aTinyWindowGrowsToAUsableSize() {
        WindowGeometry g = new WindowGeometry(10, 10, 50, 30, false).clampTo(List.of(LAPTOP));
        assertEquals(new WindowGeometry(10, 10, WindowGeometry.MIN_WIDTH, WindowGeometry.MIN_HEIGHT, false), g);
    }
}
