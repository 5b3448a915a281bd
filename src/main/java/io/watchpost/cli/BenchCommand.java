package io.watchpost.cli;

import io.watchpost.bench.EndToEndBench;
import io.watchpost.bench.Machine;
import io.watchpost.bench.SyntheticEvents;
import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.source.emulator.InputLogEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure Watchpost against a plain baseline in one process, on this machine.",
                "End to end: embedded endpoint → HTTP → AWS SDK → normalize → H2 cache, beside raw HTTP → Jackson → JDBC batches."})
public final class BenchCommand implements Callable<Integer> {

    private static final String GROUP = "/bench/mixed";

    @Option(names = "--events", paramLabel = "N", defaultValue = "200000", description = "Events to ingest per run (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "2",
            description = "Alternating rounds of baseline and Watchpost; the best of each is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--parse-only", description = "Only measure the normalizer's parse rate per format.")
    boolean parseOnly;

    @Option(names = "--query-events", paramLabel = "N", defaultValue = "1000000",
            description = "Cached events for the Explorer query benchmark; 0 skips it (default: ${DEFAULT-VALUE}).")
    int queryEvents;

    @Override
    public Integer call() throws Exception {
        System.out.println("machine: " + Machine.describe());
        io.watchpost.bench.RulesBench.run(System.out);
        if (parseOnly) {
            io.watchpost.bench.ParseRateBench.run(System.out);
            return 0;
        }
        Path dir = Files.createTempDirectory("watchpost-bench");
        try (CloudWatchLogsEmulator emulator = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0))) {
            List<InputLogEvent> input = SyntheticEvents.generate(events, System.currentTimeMillis() - 60_000, 42);
            int streams = 8;
            for (int s = 0; s < streams; s++) {
                String stream = "stream-" + s;
                emulator.logs().ensureStream(GROUP, stream);
                List<InputLogEvent> mine = new java.util.ArrayList<>();
                for (int i = s; i < input.size(); i += streams) {
                    mine.add(input.get(i));
                }
                emulator.logs().seed(GROUP, stream, mine);
            }
            EndToEndBench.Run bestBaseline = null;
            EndToEndBench.Run bestWatchpost = null;
            for (int round = 0; round < rounds; round++) {
                Path roundDir = Files.createDirectories(dir.resolve("round-" + round));
                EndToEndBench.Run b = EndToEndBench.baseline(emulator.endpoint(), GROUP, roundDir);
                EndToEndBench.Run w = EndToEndBench.watchpost(emulator.endpoint(), GROUP, roundDir);
                print("round " + (round + 1), b);
                print("round " + (round + 1), w);
                bestBaseline = bestBaseline == null || b.seconds() < bestBaseline.seconds() ? b : bestBaseline;
                bestWatchpost = bestWatchpost == null || w.seconds() < bestWatchpost.seconds() ? w : bestWatchpost;
            }
            System.out.printf(Locale.ROOT, "end-to-end: watchpost %.0f events/s, baseline %.0f events/s, ratio %.2f (target: >= 100000 events/s)%n",
                    bestWatchpost.eventsPerSecond(), bestBaseline.eventsPerSecond(),
                    bestWatchpost.eventsPerSecond() / bestBaseline.eventsPerSecond());
            io.watchpost.bench.ParseRateBench.run(System.out);
            if (queryEvents > 0) {
                io.watchpost.bench.QueryBench.run(System.out, Files.createDirectories(dir.resolve("query")), queryEvents);
            }
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    private static void print(String label, EndToEndBench.Run run) {
        System.out.printf(Locale.ROOT, "  %s: %-48s %,9d events in %6.2f s = %,10.0f events/s%n",
                label, run.name(), run.events(), run.seconds(), run.eventsPerSecond());
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
