package io.watchpost.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A benchmark that needs the window: the Dashboard's FX-thread stalls while ingesting. The command line may not
 * touch JavaFX, so the application supplies it ({@code io.watchpost.app}); without it the section says so.
 */
@FunctionalInterface
public interface WindowBench {

    /** No window to open (the tests' command runs, or a build without the GUI). */
    WindowBench NONE = (out, dir, eventsPerSecond) -> {
        out.println("skipped: this entry point has no window to measure");
        return false;
    };

    /** Runs the bench and prints its figures; false when it could not run (no display), after saying why. */
    boolean run(PrintStream out, Path dir, int eventsPerSecond) throws Exception;
}
