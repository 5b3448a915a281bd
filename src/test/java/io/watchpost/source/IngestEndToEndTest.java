package io.watchpost.source;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.store.Cache;
import io.watchpost.store.SqlWhere;
import io.watchpost.store.StoredEvent;
import io.watchpost.testing.CommandRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `watchpost ingest` through the real SDK against the embedded endpoint, field by field. */
class IngestEndToEndTest {

    static final String TRAIL = "/aws/cloudtrail/management";
    static final String APP = "/app/orders";

    @TempDir
    Path dir;
    CloudWatchLogsEmulator emulator;
    CloudWatchLogsClient client;

    @BeforeEach
    void start() throws IOException {
        emulator = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
        client = CloudWatchClients.create(AwsSettings.embedded(emulator.endpoint()));
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private void put(String group, String stream, List<String> messages, long firstTime) {
        if (client.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().stream()
                .noneMatch(g -> g.logGroupName().equals(group))) {
            client.createLogGroup(r -> r.logGroupName(group));
        }
        client.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            events.add(InputLogEvent.builder().timestamp(firstTime + i * 1000L).message(messages.get(i)).build());
        }
        client.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    @Test
    void ingestsEveryEventWithEveryFieldAndTwiceAddsNothing() throws java.sql.SQLException {
        long t0 = System.currentTimeMillis() - 3_600_000;
        put(TRAIL, "123456789012_CloudTrail_us-east-1", List.of(
                "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"mallory\",\"arn\":\"arn:aws:iam::123456789012:user/mallory\"},"
                        + "\"eventTime\":\"2025-11-24T08:00:00Z\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"AttachUserPolicy\","
                        + "\"sourceIPAddress\":\"198.51.100.23\",\"requestParameters\":{\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\"}}",
                "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\",\"arn\":\"arn:aws:iam::123456789012:root\"},"
                        + "\"eventTime\":\"2025-11-24T08:00:05Z\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\","
                        + "\"sourceIPAddress\":\"203.0.113.9\",\"responseElements\":{\"ConsoleLogin\":\"Success\"}}"), t0);
        put(APP, "web-1", List.of("{\"level\":\"ERROR\",\"message\":\"payment declined\",\"order\":{\"id\":17}}",
                "plain text line WARN disk 91% full", "{\"truncated\": "), t0 + 500);
        put(APP, "web-2", List.of("unicode ✓ \t tab and \"quotes\""), t0 + 700);

        CommandRun first = CommandRun.of("ingest", "--db", dir.resolve("cache").toString(), "--log-group", TRAIL,
                "--log-group", APP, "--endpoint", emulator.endpoint().toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().matches("read 6 events, stored 6, duplicates 0, \\d+\\.\\d\\d s\\R"), first.out());

        CommandRun again = CommandRun.of("ingest", "--db", dir.resolve("cache").toString(), "--log-group", TRAIL,
                "--log-group", APP, "--endpoint", emulator.endpoint().toString(), "--start", String.valueOf(t0));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("read 6 events, stored 0, duplicates 6,"), again.out());

        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            Map<String, Event> stored = cache.events().find(SqlWhere.ALL, 100, false).stream()
                    .map(StoredEvent::event).collect(Collectors.toMap(e -> e.logGroup() + "|" + e.eventId(), Function.identity()));
            assertEquals(6, stored.size());
            Normalizer normalizer = new Normalizer();
            for (String group : List.of(TRAIL, APP)) {
                for (FilteredLogEvent source : client.filterLogEventsPaginator(r -> r.logGroupName(group)).events()) {
                    Event e = stored.get(group + "|" + source.eventId());
                    Event expected = normalizer.normalize(new RawLogEvent(group, source.logStreamName(), source.eventId(),
                            source.timestamp(), source.ingestionTime(), source.message()));
                    assertEquals(withIngestTime(expected, e), e, "event " + source.eventId());
                    assertEquals(source.message(), e.raw());
                    assertEquals(group, e.logGroup());
                    assertEquals(source.logStreamName(), e.logStream());
                }
            }
            Event attach = stored.values().stream().filter(e -> "AttachUserPolicy".equals(e.action())).findFirst().orElseThrow();
            assertEquals("mallory", attach.user());
            assertEquals("198.51.100.23", attach.sourceIp());
            assertEquals("arn:aws:iam::aws:policy/AdministratorAccess", attach.fields().get("requestParameters.policyArn"));
            assertEquals(java.time.Instant.parse("2025-11-24T08:00:00Z"), attach.eventTime());
            assertEquals("root", stored.values().stream().filter(e -> "ConsoleLogin".equals(e.action())).findFirst().orElseThrow().user());
            assertEquals(1, stored.values().stream().filter(Event::hasParseError).count(), "the truncated JSON is kept and flagged");
            // The command kept the rollups as the app does: every stored event counted, its action among the counts.
            try (java.sql.Connection c = cache.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT last_seq FROM rollup_state), (SELECT MAX(seq) FROM events), "
                         + "(SELECT SUM(events) FROM rollup_action_minute), (SELECT COUNT(*) FROM events WHERE action IS NOT NULL)")) {
                rs.next();
                assertEquals(rs.getLong(2), rs.getLong(1), "rollups counted up to the last stored event");
                assertEquals(rs.getLong(4), rs.getLong(3), "every event with an action is in the action counts");
                assertTrue(rs.getLong(3) > 0);
            }
        }
    }

    private static Event withIngestTime(Event e, Event from) {
        return new Event(e.eventTime(), from.ingestTime(), e.logGroup(), e.logStream(), e.eventId(), e.sourceType(),
                e.severity(), e.action(), e.outcome(), e.user(), e.sourceIp(), e.message(), e.raw(), e.fields(), e.parseError());
    }

    @Test
    void anUnknownLogGroupFailsClearlyAndKeepsWhatWasRead() {
        put(APP, "web-1", List.of("one", "two"), System.currentTimeMillis() - 10_000);
        CommandRun run = CommandRun.of("ingest", "--db", dir.resolve("cache").toString(), "--log-group", APP,
                "--log-group", "/no/such/group", "--endpoint", emulator.endpoint().toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("reading log group /no/such/group: ResourceNotFoundException: The specified log group does not exist."),
                run.err());
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            assertEquals(2, cache.events().count());
        }
    }

    @Test
    void aMissingProfileIsAClearCredentialsError() {
        CommandRun run = CommandRun.of("ingest", "--db", dir.resolve("cache").toString(), "--log-group", APP,
                "--profile", "no-such-profile-here", "--endpoint", emulator.endpoint().toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no AWS credentials found") || run.err().contains("no-such-profile-here"), run.err());
        assertTrue(!run.err().contains("Exception:") || run.err().lines().count() <= 3, run.err());
    }
}
