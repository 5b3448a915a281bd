package io.watchpost.source.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real AWS CLI against the emulator: proves the wire protocol is not merely what the Java SDK tolerates. */
class AwsCliTest {

    private final ObjectMapper json = new ObjectMapper();
    private CloudWatchLogsEmulator emu;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(onPath("aws"), "the AWS CLI ('aws') is not on PATH");
        emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
    }

    @AfterEach
    void stop() {
        if (emu != null) {
            emu.close();
        }
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, exe).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private record Result(int exit, String out, String err) {
    }

    private Result aws(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("aws", "--endpoint-url", emu.endpoint().toString(), "--output", "json"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().remove("AWS_PROFILE");
        pb.environment().put("AWS_CONFIG_FILE", "/dev/null");
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        pb.environment().put("AWS_MAX_ATTEMPTS", "1");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "aws timed out");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private JsonNode ok(String... args) throws Exception {
        Result r = aws(args);
        assertEquals(0, r.exit(), () -> String.join(" ", args) + " failed: " + r.err());
        return r.out().isBlank() ? json.createObjectNode() : json.readTree(r.out());
    }

    @Test
    void cliCreatesPutsFiltersDescribesAndGets() throws Exception {
        long now = System.currentTimeMillis();
        ok("logs", "create-log-group", "--log-group-name", "/cli/test");
        ok("logs", "create-log-stream", "--log-group-name", "/cli/test", "--log-stream-name", "s1");
        JsonNode put = ok("logs", "put-log-events", "--log-group-name", "/cli/test", "--log-stream-name", "s1",
                "--log-events", "[{\"timestamp\":" + now + ",\"message\":\"hello from cli\"},"
                        + "{\"timestamp\":" + (now + 1) + ",\"message\":\"second ERROR line\"}]");
        assertFalse(put.path("nextSequenceToken").asText().isEmpty());

        JsonNode filtered = ok("logs", "filter-log-events", "--log-group-name", "/cli/test");
        assertEquals(2, filtered.get("events").size());
        assertEquals("hello from cli", filtered.get("events").get(0).get("message").asText());
        assertEquals("s1", filtered.get("events").get(0).get("logStreamName").asText());
        assertEquals(now, filtered.get("events").get(0).get("timestamp").asLong());
        assertEquals(56, filtered.get("events").get(0).get("eventId").asText().length());

        JsonNode matched = ok("logs", "filter-log-events", "--log-group-name", "/cli/test", "--filter-pattern", "ERROR");
        assertEquals(1, matched.get("events").size());
        assertEquals("second ERROR line", matched.get("events").get(0).get("message").asText());

        JsonNode groups = ok("logs", "describe-log-groups");
        assertEquals("/cli/test", groups.get("logGroups").get(0).get("logGroupName").asText());
        assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:/cli/test:*",
                groups.get("logGroups").get(0).get("arn").asText());

        JsonNode got = ok("logs", "get-log-events", "--log-group-name", "/cli/test", "--log-stream-name", "s1",
                "--start-from-head");
        assertEquals(2, got.get("events").size());
        assertEquals("second ERROR line", got.get("events").get(1).get("message").asText());
        assertTrue(got.get("nextForwardToken").asText().startsWith("f/"));

        Result missing = aws("logs", "filter-log-events", "--log-group-name", "/cli/nope");
        assertNotEquals(0, missing.exit());
        assertTrue(missing.err().contains("ResourceNotFoundException"), missing.err());
        assertTrue(missing.err().contains("The specified log group does not exist."), missing.err());
    }

    @Test
    void cliPaginatesFilterLogEventsAcrossPages() throws Exception {
        List<InputLogEvent> events = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 25; i++) {
            events.add(new InputLogEvent(now + i, "e" + i));
        }
        emu.logs().seed("/cli/paged", "s", events);
        // --page-size makes the CLI follow our nextToken through several requests and merge the results
        JsonNode all = ok("logs", "filter-log-events", "--log-group-name", "/cli/paged", "--page-size", "10");
        assertEquals(25, all.get("events").size());
        assertEquals("e24", all.get("events").get(24).get("message").asText());
    }
}
