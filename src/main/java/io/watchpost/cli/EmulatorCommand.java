package io.watchpost.cli;

import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.source.emulator.FaultGate;
import io.watchpost.source.emulator.FaultPlan;
import io.watchpost.source.emulator.QuotaGate;
import io.watchpost.source.emulator.RequestGate;
import io.watchpost.source.emulator.SampleData;
import io.watchpost.source.emulator.SampleDataReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Run Watchpost's embedded CloudWatch Logs endpoint in the foreground (AWS JSON 1.1 on loopback).",
                "The AWS SDKs and the AWS CLI talk to it with --endpoint-url http://127.0.0.1:PORT."})
public final class EmulatorCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "4566", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "Keep log groups in DIR across restarts (default: memory only).")
    Path data;

    @Option(names = "--demo", description = "Serve the bundled sample data as live log groups, moved to now.")
    boolean demo;

    @Option(names = "--throttle", paramLabel = "SHARE", defaultValue = "0",
            description = "Share of read calls answered ThrottlingException, 0..1 (default: ${DEFAULT-VALUE}).")
    double throttle;

    @Option(names = "--fail", paramLabel = "SHARE", defaultValue = "0",
            description = "Share of read calls answered 503 ServiceUnavailable / 500 InternalFailure (default: ${DEFAULT-VALUE}).")
    double fail;

    @Option(names = "--slow", paramLabel = "SHARE:MS", defaultValue = "0:0",
            description = "Share of read calls delayed, and by how long, e.g. 0.1:200ms (default: none).")
    String slow;

    @Option(names = "--cut", paramLabel = "SHARE", defaultValue = "0",
            description = "Share of read responses cut off mid-body (default: ${DEFAULT-VALUE}).")
    double cut;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the fault draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quotas", paramLabel = "aws|none", defaultValue = "none",
            description = "Enforce CloudWatch Logs' default per-API request quotas (aws) or not (default: ${DEFAULT-VALUE}).")
    String quotas;

    /** The gate the options describe: quotas first (a throttled call never reaches the faults), then faults. */
    RequestGate gate() {
        String[] s = slow.split(":", 2);
        double slowShare = Double.parseDouble(s[0]);
        long slowMs = s.length < 2 ? 0 : Long.parseLong(s[1].trim().replaceFirst("ms$", ""));
        FaultPlan plan = new FaultPlan(throttle, fail, slowShare, slowMs, cut, seed);
        RequestGate faults = plan.equals(new FaultPlan(0, 0, 0, slowMs, 0, seed)) ? RequestGate.OPEN : new FaultGate(plan);
        return switch (quotas) {
            case "aws" -> QuotaGate.awsDefaults().andThen(faults);
            case "none" -> faults;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--quotas must be aws or none, not " + quotas);
        };
    }

    @Override
    public Integer call() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (CloudWatchLogsEmulator emulator = CloudWatchLogsEmulator.start(new EmulatorOptions("127.0.0.1", port, data), gate());
             SampleDataReplay replay = demo ? new SampleDataReplay(emulator.logs(), SampleData.bundled(), Clock.systemUTC()) : null) {
            if (replay != null) {
                replay.start();
            }
            // Ctrl-C: wake the main thread and let it close the endpoint (flushing --data) before the JVM halts.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                try {
                    closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "watchpost-emulator-stop"));
            System.out.println("CloudWatch Logs endpoint listening on " + emulator.endpoint() + (demo ? " (demo data)" : ""));
            System.out.flush();
            stopped.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }
}
