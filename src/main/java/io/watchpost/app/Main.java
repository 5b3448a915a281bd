package io.watchpost.app;

import io.watchpost.cli.WatchpostCommand;
import io.watchpost.store.Cache;
import io.watchpost.store.DataDirectories;

import java.nio.file.Path;

/**
 * The jar's entry point. A plain class, not the JavaFX Application: launching an Application subclass directly from
 * a fat jar on the class path fails with "JavaFX runtime components are missing".
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before the first logger exists: logback.xml reads this to put the rotating log in the user's data directory.
        if (System.getProperty("watchpost.logDir") == null) {
            System.setProperty("watchpost.logDir", defaultLogDirectory().toString());
        }
        Cache.prepareH2();
        int code = WatchpostCommand.execute(args, GuiLauncher::launch, new DashboardStallBench());
        // The GUI returns here only after its window closed; commands return when done. Exiting runs the shutdown
        // hooks, which find nothing left to close after a normal window close.
        System.exit(code);
    }

    /** {@code logs/} in the user's data directory: where an installed application's log belongs. */
    static Path defaultLogDirectory() {
        return DataDirectories.userDataDir().resolve("logs");
    }
}
