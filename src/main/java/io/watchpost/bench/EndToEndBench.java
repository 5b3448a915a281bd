package io.watchpost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.RuleSources;
import io.watchpost.detect.alerts.AlertStore;
import io.watchpost.detect.alerts.AlertingSink;
import io.watchpost.detect.alerts.LiveDetection;
import io.watchpost.source.ApiQuotas;
import io.watchpost.source.AwsSettings;
import io.watchpost.source.BackfillListener;
import io.watchpost.source.EngineOptions;
import io.watchpost.source.IngestEngine;
import io.watchpost.source.RequestBudget;
import io.watchpost.store.Cache;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * End to end: embedded endpoint → HTTP → parse → normalize → H2. Watchpost's path (the AWS SDK client, the
 * normalizer, the cache with its dedupe) against a baseline doing the least that still stores the events: raw HTTP
 * POSTs of FilterLogEvents, plain Jackson trees, plain JDBC batches into a bare table.
 */
public final class EndToEndBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String GROUP = "/bench/mixed";
    /** The embedded endpoint enforces no quota here, so neither does the client: this measures Watchpost, not AWS. */
    private static final ApiQuotas UNLIMITED = new ApiQuotas(1e6, 1e6, 1e6, 1e6);
    private static final int STREAMS = 8;

    private EndToEndBench() {
    }

    /** Alternating rounds of the baseline and Watchpost over the same events; prints each and the best of each. */
    public static void run(java.io.PrintStream out, Path dir, int events, int rounds) throws Exception {
        try (io.watchpost.source.emulator.CloudWatchLogsEmulator emulator = io.watchpost.source.emulator.CloudWatchLogsEmulator
                .start(io.watchpost.source.emulator.EmulatorOptions.loopback(0))) {
            java.util.List<io.watchpost.source.emulator.InputLogEvent> input =
                    SyntheticEvents.generate(events, System.currentTimeMillis() - 60_000, 42);
            for (int s = 0; s < STREAMS; s++) {
                String stream = "stream-" + s;
                emulator.logs().ensureStream(GROUP, stream);
                java.util.List<io.watchpost.source.emulator.InputLogEvent> mine = new java.util.ArrayList<>();
                for (int i = s; i < input.size(); i += STREAMS) {
                    mine.add(input.get(i));
                }
                emulator.logs().seed(GROUP, stream, mine);
            }
            Run bestBaseline = null;
            Run bestWatchpost = null;
            for (int round = 0; round < rounds; round++) {
                Path roundDir = java.nio.file.Files.createDirectories(dir.resolve("e2e-round-" + round));
                Run b = baseline(emulator.endpoint(), GROUP, roundDir);
                Run w = watchpost(emulator.endpoint(), GROUP, roundDir);
                print(out, "round " + (round + 1), b);
                print(out, "round " + (round + 1), w);
                bestBaseline = bestBaseline == null || b.seconds() < bestBaseline.seconds() ? b : bestBaseline;
                bestWatchpost = bestWatchpost == null || w.seconds() < bestWatchpost.seconds() ? w : bestWatchpost;
            }
            out.printf(java.util.Locale.ROOT, "end-to-end: watchpost %.0f events/s, baseline %.0f events/s, ratio %.2f "
                            + "(target: >= 100000 events/s)%n", bestWatchpost.eventsPerSecond(),
                    bestBaseline.eventsPerSecond(), bestWatchpost.eventsPerSecond() / bestBaseline.eventsPerSecond());
        }
    }

    private static void print(java.io.PrintStream out, String label, Run run) {
        out.printf(java.util.Locale.ROOT, "  %s: %-48s %,9d events in %6.2f s = %,10.0f events/s%n",
                label, run.name(), run.events(), run.seconds(), run.eventsPerSecond());
    }

    /** What one run did. */
    public record Run(String name, long events, double seconds) {
        public double eventsPerSecond() {
            return events / seconds;
        }
    }

    /**
     * Watchpost's real path: the ingest engine's backfill (SDK client, request budget, normalizer, cache) with live
     * detection running the built-in rule pack on what is stored. The clock stops when the last event is both stored
     * and through the rules.
     */
    public static Run watchpost(URI endpoint, String logGroup, Path dir) throws InterruptedException {
        long t0 = System.nanoTime();
        long stored;
        try (Cache cache = Cache.open(dir.resolve("watchpost-cache"));
             LiveDetection detection = new LiveDetection(cache.events(), new AlertingSink(
                     new DetectionEngine(RuleSources.builtIn().rules()), new AlertStore(cache.dataSource())),
                     0, Duration.ofMillis(50));
             IngestEngine engine = new IngestEngine(AwsSettings.embedded(endpoint), EngineOptions.defaults(),
                     new RequestBudget(UNLIMITED), cache.events())) {
            engine.startBackfill(logGroup, null, null, BackfillListener.NONE).await();
            stored = engine.metrics().snapshot().stored();
            long last = cache.events().committedSeq();
            while (detection.lastSeq() < last) {
                Thread.sleep(5);
            }
        }
        return new Run("watchpost (SDK → normalize → cache, rules on)", stored, (System.nanoTime() - t0) / 1e9);
    }

    public static Run baseline(URI endpoint, String logGroup, Path dir) throws IOException, InterruptedException, SQLException {
        long t0 = System.nanoTime();
        long stored = 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("baseline").toAbsolutePath(), "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE events (log_group VARCHAR(512), log_stream VARCHAR(512), event_id VARCHAR(64), "
                        + "ts BIGINT, message CHARACTER VARYING)");
            }
            c.setAutoCommit(false);
            String token = null;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?)")) {
                do {
                    ObjectNode body = JSON.createObjectNode().put("logGroupName", logGroup);
                    if (token != null) {
                        body.put("nextToken", token);
                    }
                    HttpRequest request = HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/x-amz-json-1.1")
                            .header("X-Amz-Target", "Logs_20140328.FilterLogEvents")
                            .header("Authorization", "AWS4-HMAC-SHA256 Credential=BASELINE/20250101/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=0")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IOException("baseline FilterLogEvents: HTTP " + response.statusCode());
                    }
                    JsonNode page = JSON.readTree(response.body());
                    for (JsonNode e : page.path("events")) {
                        ps.setString(1, logGroup);
                        ps.setString(2, e.path("logStreamName").asText());
                        ps.setString(3, e.path("eventId").asText());
                        ps.setLong(4, e.path("timestamp").asLong());
                        ps.setString(5, e.path("message").asText());
                        ps.addBatch();
                        stored++;
                    }
                    ps.executeBatch();
                    c.commit();
                    token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
                } while (token != null);
            }
        }
        return new Run("baseline (raw HTTP → Jackson tree → JDBC batch)", stored, (System.nanoTime() - t0) / 1e9);
    }
}
