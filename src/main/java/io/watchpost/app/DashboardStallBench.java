package io.watchpost.app;

import io.watchpost.cli.WindowBench;
import io.watchpost.ui.dashboard.UiStallBench;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code bench --only uistall}: the Dashboard's stall bench, wired here because the command line may not touch
 * JavaFX. It opens a real window, so on Linux it needs a display; headless tests bring Monocle instead.
 */
final class DashboardStallBench implements WindowBench {

    @Override
    public boolean run(PrintStream out, Path dir, int eventsPerSecond) throws Exception {
        if (!UiStallBench.canOpenWindow()) {
            out.println("skipped: no display to open the Dashboard on (DISPLAY is not set). On a server run it under Xvfb:");
            out.println("  xvfb-run -a java @installer/jvm.options -jar target/watchpost.jar bench --only uistall");
            return false;
        }
        UiStallBench.run(out, dir, UiStallBench.Options.FULL.atRate(eventsPerSecond));
        return true;
    }
}
