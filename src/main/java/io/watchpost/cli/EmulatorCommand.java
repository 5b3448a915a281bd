package io.watchpost.cli;

import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
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

    @Override
    public Integer call() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (CloudWatchLogsEmulator emulator = CloudWatchLogsEmulator.start(new EmulatorOptions("127.0.0.1", port, data));
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
