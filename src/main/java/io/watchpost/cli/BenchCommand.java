package io.watchpost.cli;

import io.watchpost.bench.EndToEndBench;
import io.watchpost.bench.IngestQuotaBench;
import io.watchpost.bench.Machine;
import io.watchpost.bench.ParseRateBench;
import io.watchpost.bench.QueryBench;
import io.watchpost.bench.RulesBench;
import io.watchpost.bench.SyncBench;
import io.watchpost.bench.WriteBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure Watchpost against a plain baseline in one process, on this machine.",
                "Each section prints its figures beside a baseline run in the same process, and the ratio.",
                "uistall opens the Dashboard and measures FX-thread stalls from the pulse, idle and while the cache ingests;",
                "it needs a display (on a server: xvfb-run -a java -jar watchpost.jar bench --only uistall)."})
public final class BenchCommand implements Callable<Integer> {

    /** The benchmark sections, in the order they run. */
    enum Section { e2e, write, quota, parse, rules, query, sync, uistall }

    private final WindowBench windowBench;

    BenchCommand(WindowBench windowBench) {
        this.windowBench = windowBench;
    }

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
            description = "Sections to run, comma-separated: ${COMPLETION-CANDIDATES} (default: all).")
    Set<Section> only;

    @Option(names = "--events", paramLabel = "N", defaultValue = "200000",
            description = "Events per end-to-end, write and sync run (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "2",
            description = "Alternating rounds of baseline and Watchpost; the best of each is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--quota-seconds", paramLabel = "S", defaultValue = "12",
            description = "Length of each quota run (goodput, freshness), in seconds of quota budget (default: ${DEFAULT-VALUE}).")
    double quotaSeconds;

    @Option(names = "--query-events", paramLabel = "N", defaultValue = "1000000",
            description = "Cached events for the Explorer query benchmark (default: ${DEFAULT-VALUE}).")
    int queryEvents;

    @Option(names = "--ui-rate", paramLabel = "N", defaultValue = "50000",
            description = "Events/s the cache is fed while the UI stall section watches the Dashboard (default: ${DEFAULT-VALUE}).")
    int uiRate;

    @Override
    public Integer call() throws Exception {
        Set<Section> sections = only == null || only.isEmpty() ? EnumSet.allOf(Section.class) : EnumSet.copyOf(only);
        System.out.println("machine: " + Machine.describe());
        Path dir = Files.createTempDirectory("watchpost-bench");
        try {
            for (Section section : sections) {
                System.out.println();
                System.out.println("== " + section);
                switch (section) {
                    case e2e -> EndToEndBench.run(System.out, dir, events, rounds);
                    case write -> WriteBench.run(System.out, Files.createDirectories(dir.resolve("write")), events, rounds);
                    case quota -> IngestQuotaBench.run(Files.createDirectories(dir.resolve("quota")), quotaSeconds, System.out);
                    case parse -> ParseRateBench.run(System.out);
                    case rules -> RulesBench.run(System.out);
                    case query -> QueryBench.run(System.out, Files.createDirectories(dir.resolve("query")), queryEvents);
                    case sync -> SyncBench.run(System.out, dir, events, rounds);
                    case uistall -> windowBench.run(System.out, Files.createDirectories(dir.resolve("uistall")), uiRate);
                }
            }
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
