package io.watchpost.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops and starts the local PostgreSQL cluster (Debian's pg_ctlcluster), for tests of an outage. */
final class PostgresServer {

    private PostgresServer() {
    }

    /** The installed cluster version, or null when this machine has no pg_ctlcluster-managed server. */
    static String version() {
        Path etc = Path.of("/etc/postgresql");
        if (!Files.isDirectory(etc) || !Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster"))) {
            return null;
        }
        try (var dirs = Files.list(etc)) {
            return dirs.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    static void stop(String version) throws IOException, InterruptedException {
        run(version, "stop", "-m", "fast");
    }

    static void start(String version) throws IOException, InterruptedException {
        run(version, "start");
    }

    private static void run(String version, String action, String... more) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action));
        command.addAll(List.of(more));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("pg_ctlcluster " + action + " did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes());
        // "already running" / "not running" are fine: the state we want holds.
        if (p.exitValue() != 0 && !out.contains("already running") && !out.contains("not running")) {
            throw new IOException("pg_ctlcluster " + action + " failed: " + out.strip());
        }
    }
}
