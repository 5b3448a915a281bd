package io.watchpost.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

/** The {@code watchpost} command: with no subcommand it opens the window. */
@Command(name = "watchpost", mixinStandardHelpOptions = true, versionProvider = WatchpostCommand.Version.class,
        description = {"Watchpost: a workbench for security analysts watching AWS CloudWatch Logs.",
                "With no command, opens the window (a live demo when no AWS source is configured)."},
        subcommands = {EmulatorCommand.class, IngestCommand.class, QueryCommand.class, SyncCommand.class, RulesCommand.class, DetectCommand.class,
                BenchCommand.class})
public final class WatchpostCommand implements Runnable {

    private final Runnable openWindow;

    public WatchpostCommand(Runnable openWindow) {
        this.openWindow = openWindow;
    }

    @Override
    public void run() {
        openWindow.run();
    }

    /**
     * Runs the command line and returns the exit code: 0 done, 1 the command failed, 2 the command line was wrong.
     * A wrong command line gets one line of error, not a page of usage.
     */
    public static int execute(String[] args, Runnable openWindow) {
        return execute(args, openWindow, WindowBench.NONE);
    }

    /** As {@link #execute(String[], Runnable)}, with the window's benchmark for {@code bench}. */
    public static int execute(String[] args, Runnable openWindow, WindowBench windowBench) {
        CommandLine cli = new CommandLine(new WatchpostCommand(openWindow), new Factory(windowBench));
        cli.setParameterExceptionHandler((ex, arguments) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String name = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(name + ": " + ex.getMessage() + " (see '" + name + " --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String name = commandLine.getCommandSpec().qualifiedName();
            commandLine.getErr().println(name + ": " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }

    /** Picocli's factory, except that {@code bench} gets the window's benchmark (plain constructor wiring). */
    private record Factory(WindowBench windowBench) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == BenchCommand.class) {
                return type.cast(new BenchCommand(windowBench));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** The version Maven stamped into the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = WatchpostCommand.class.getResourceAsStream("/io/watchpost/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[]{"watchpost " + p.getProperty("version", "development build")};
        }
    }
}
