package io.watchpost.sync;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code watchpost sync …} in a child JVM, as a user would, so a test can kill it like a crash would. */
final class ChildSync {

    private ChildSync() {
    }

    static Process start(Path logDir, Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; these children run briefly
        command.add("-Dwatchpost.logDir=" + logDir);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.watchpost.app.Main");
        command.add("sync");
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
    }

    static String classPathNote() {
        return System.getProperty("java.class.path").split(File.pathSeparator).length + " class path entries";
    }
}
