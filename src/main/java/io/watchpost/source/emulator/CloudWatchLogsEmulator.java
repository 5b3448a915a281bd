package io.watchpost.source.emulator;

import com.sun.net.httpserver.HttpServer;
import io.watchpost.background.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded CloudWatch Logs endpoint speaking AWS's real JSON 1.1 protocol, so the real AWS SDK for Java v2
 * and the AWS CLI can be pointed at it with an endpoint override. Supported operations: CreateLogGroup,
 * CreateLogStream, PutLogEvents, DescribeLogGroups, DescribeLogStreams, FilterLogEvents, GetLogEvents; anything
 * else (StartLiveTail included) gets {@code UnknownOperationException}.
 *
 * <p>Data lives in {@link #logs()}, which in-process code can also use directly. Requests must carry an
 * {@code Authorization} header (any signature is accepted), as the SDK and CLI send whenever credentials are
 * configured; a {@link RequestGate} passed to {@link #start(EmulatorOptions, RequestGate)} can throttle or fail
 * requests ({@link QuotaGate} implements per-operation quotas).
 *
 * <h2>Data directory</h2>
 * With {@link EmulatorOptions#dataDir()} set, the emulator loads the directory at start and journals every change
 * to it, so a restart serves the same events with the same eventIds:
 * <ul>
 *   <li>{@code dataDir/emulator-store/<group, percent-encoded>.jsonl}: the emulator's own journal per log group,
 *       one JSON object a line (a group line, stream lines, then events as
 *       {@code {"stream","timestamp","ingestionTime","eventId","message"}}). Nothing else should write there.</li>
 *   <li>{@code dataDir/*.jsonl}: sample data, lines of {@code {"logGroup","logStream","timestamp","message"}}.
 *       Each such file is imported once (without PutLogEvents' age and batch limits) into the journal and its
 *       name recorded in {@code emulator-store/imported.txt}; to re-import, delete the store directory.</li>
 * </ul>
 *
 * <pre>{@code
 * try (var emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0))) {
 *     var client = CloudWatchLogsClient.builder().endpointOverride(emu.endpoint()) ... .build();
 * }
 * }</pre>
 */
public final class CloudWatchLogsEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CloudWatchLogsEmulator.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final EmulatedLogs logs;
    private final LogJournal journal;
    private final String host;

    private CloudWatchLogsEmulator(HttpServer server, ExecutorService executor, EmulatedLogs logs, LogJournal journal,
                                   String host) {
        this.server = server;
        this.executor = executor;
        this.logs = logs;
        this.journal = journal;
        this.host = host;
    }

    public static CloudWatchLogsEmulator start(EmulatorOptions options) throws IOException {
        return start(options, RequestGate.OPEN);
    }

    /** Starts with a gate (quotas, fault injection) consulted before each HTTP request is dispatched. */
    public static CloudWatchLogsEmulator start(EmulatorOptions options, RequestGate gate) throws IOException {
        // Small JSON replies on keep-alive connections otherwise wait on Nagle + delayed ACK (~40 ms each).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        EmulatedLogs logs = new EmulatedLogs();
        LogJournal journal = options.dataDir() == null ? LogJournal.NONE : DataDirStore.open(options.dataDir(), logs);
        int id = INSTANCES.incrementAndGet();
        ThreadFactory tf = BackgroundThreads.numbered("cwl-emulator-" + id);
        ExecutorService executor = Executors.newFixedThreadPool(
                Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), tf);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
        } catch (IOException e) {
            executor.shutdownNow();
            journal.close();
            throw e;
        }
        server.createContext("/", new RequestDispatcher(logs, gate == null ? RequestGate.OPEN : gate));
        server.setExecutor(executor);
        server.start();
        CloudWatchLogsEmulator emu = new CloudWatchLogsEmulator(server, executor, logs, journal, options.host());
        LOG.info("CloudWatch Logs emulator listening on {}", emu.endpoint());
        return emu;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI endpoint() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port());
    }

    public EmulatedLogs logs() {
        return logs;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        journal.close();
    }
}
