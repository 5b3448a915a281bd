package io.watchpost.app;

import io.watchpost.cli.WindowBench;
import io.watchpost.ui.dashboard.UiStallBench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code bench --only uistall}: the Dashboard's stall bench, wired here because the command line may not touch
 * JavaFX. It opens a real window, so on Linux it needs a display; headless tests bring Monocle instead.
 */
final class DashboardStallBench implements WindowBench {

    @Override
    public boolean run(PrintStream out, Path dir, int eventsPerSecond) throws Exception {
        if (!displayAvailable()) {
            out.println("skipped: no display to open the Dashboard on (DISPLAY is not set). On a server run it under Xvfb:");
            out.println("  xvfb-run -a java -XX:MaxGCPauseMillis=20 -jar target/watchpost.jar bench --only uistall");
            return false;
        }
        UiStallBench.Options full = UiStallBench.Options.FULL;
        UiStallBench.run(out, dir, new UiStallBench.Options(full.baselineSeconds(), full.warmUpSeconds(), full.loadSeconds(),
                eventsPerSecond));
        return true;
    }

    /** Windows and macOS always have one; Linux needs X11 or Wayland, or Monocle on the class path (tests). */
    static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || "Monocle".equals(System.getProperty("glass.platform")) || monoclePresent();
    }

    private static boolean monoclePresent() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, DashboardStallBench.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
