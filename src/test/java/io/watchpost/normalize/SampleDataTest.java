package io.watchpost.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every line of the demo data in sample-data/*.jsonl parses into the expected source type. */
class SampleDataTest {

    private final Normalizer normalizer = Datasets.normalizer();

    private List<Event> normalizeFile(String name) {
        Path p = Path.of(System.getProperty("user.dir"), "sample-data", name);
        assertTrue(Files.isRegularFile(p), p + " missing");
        List<Event> out = new ArrayList<>();
        for (String line : Datasets.lines(p)) {
            JsonNode n = Datasets.json(line);
            Event e = normalizer.normalize(new RawLogEvent(n.get("logGroup").asText(), n.get("logStream").asText(),
                    "id", n.get("timestamp").asLong(), 0, n.get("message").asText()));
            assertEquals(n.get("message").asText(), e.raw(), "raw kept exactly");
            out.add(e);
        }
        return out;
    }

    private static void assertAll(List<Event> events, Set<String> types) {
        for (Event e : events) {
            assertEquals(null, e.parseError(), () -> "unexpected parse error for " + e.raw());
            assertTrue(types.contains(e.sourceType()), () -> e.sourceType() + " for " + e.raw());
        }
    }

    @Test
    void cloudTrailFileIsAllCloudTrail() {
        List<Event> events = normalizeFile("cloudtrail.jsonl");
        assertEquals(3335, events.size());
        assertAll(events, Set.of(SourceTypes.CLOUDTRAIL));
        long consoleFailures = events.stream().filter(e -> "ConsoleLogin".equals(e.action())
                && "failure".equals(e.outcome())).count();
        assertEquals(62, consoleFailures, "61 credential-stuffing failures + bob's typo");
        Event carol = events.stream().filter(e -> "ConsoleLogin".equals(e.action()) && "carol.nguyen".equals(e.user())
                && "146.70.117.23".equals(e.sourceIp())).findFirst().orElseThrow();
        assertEquals("success", carol.outcome());
        assertEquals("false", carol.fields().get("aws.cloudtrail.mfa_used"));
    }

    @Test
    void vpcFlowFileIsAllFlowRecords() {
        List<Event> events = normalizeFile("vpcflow.jsonl");
        assertAll(events, Set.of(SourceTypes.VPC_FLOW));
        assertTrue(events.stream().anyMatch(e -> "NODATA".equals(e.action()) && "unknown".equals(e.outcome())));
        assertTrue(events.stream().anyMatch(e -> "SKIPDATA".equals(e.action()) && e.severity() == Severity.WARNING));
        long scan = events.stream().filter(e -> "45.155.205.233".equals(e.sourceIp()) && "failure".equals(e.outcome()))
                .map(e -> e.fields().get("destination.port")).distinct().count();
        assertEquals(244, scan, "the port scan's distinct rejected ports");
    }

    @Test
    void authFileIsAllAuthLines() {
        List<Event> events = normalizeFile("auth.jsonl");
        assertAll(events, Set.of(SourceTypes.AUTH));
        Event breakIn = events.stream().filter(e -> "ssh_login".equals(e.action()) && "deploy".equals(e.user())
                && "success".equals(e.outcome())
                && "185.220.101.47".equals(e.sourceIp())).findFirst().orElseThrow();
        assertEquals("success", breakIn.outcome());
        assertEquals("52944", breakIn.fields().get("source.port"));
        assertEquals("password", breakIn.fields().get("system.auth.ssh.method"));
        Event useradd = events.stream().filter(e -> "user_created".equals(e.action())).findFirst().orElseThrow();
        assertEquals("sysadm", useradd.fields().get("user.target.name"));
        assertEquals("1003", useradd.fields().get("user.target.id"));
        assertEquals(Severity.NOTICE, useradd.severity());
        assertTrue(events.stream().anyMatch(e -> "user_added_to_group".equals(e.action())
                && "wheel".equals(e.fields().get("group.name"))));
        assertTrue(events.stream().anyMatch(e -> "password_changed".equals(e.action())));
        assertTrue(events.stream().anyMatch(e -> "sudo".equals(e.action()) && "sysadm".equals(e.user())
                && "/usr/bin/aws configure --profile maint".equals(e.fields().get("system.auth.sudo.command"))));
        long failed = events.stream().filter(e -> "failure".equals(e.outcome())).count();
        assertTrue(failed > 1000, "failed logins: " + failed);
        assertEquals(java.time.Instant.parse("2025-11-24T08:00:01Z"), events.get(0).eventTime(),
                "RFC 3164 has no year: taken from the CloudWatch timestamp");
    }

    @Test
    void lambdaFileIsPlatformLinesAndAppJson() {
        List<Event> events = normalizeFile("lambda.jsonl");
        assertAll(events, Set.of(SourceTypes.LAMBDA, SourceTypes.JSON));
        Event report = events.stream().filter(e -> "REPORT".equals(e.action())
                && e.fields().containsKey("aws.lambda.init_duration_ms")).findFirst().orElseThrow();
        assertEquals("metric", report.fields().get("event.kind"));
        assertEquals("512", report.fields().get("aws.lambda.memory_size_mb"));
        assertTrue(events.stream().anyMatch(e -> "timeout".equals(e.fields().get("aws.lambda.status"))
                && "failure".equals(e.outcome()) && e.severity() == Severity.ERROR));
        assertTrue(events.stream().anyMatch(e -> "timeout".equals(e.action()) && e.sourceType().equals(SourceTypes.LAMBDA)));
        assertTrue(events.stream().anyMatch(e -> e.sourceType().equals(SourceTypes.LAMBDA) && e.severity() == Severity.ERROR
                && e.message().startsWith("Invoke Error")));
    }

    @Test
    void appFileFlagsOnlyTheTwoMalformedJsonLines() {
        List<Event> events = normalizeFile("app.jsonl");
        List<Event> flagged = events.stream().filter(Event::hasParseError).toList();
        assertEquals(2, flagged.size(), () -> flagged.toString());
        flagged.forEach(e -> assertTrue(e.parseError().startsWith("malformed JSON"), e.parseError()));
        List<Event> rest = events.stream().filter(e -> !e.hasParseError()).toList();
        assertAll(rest, Set.of(SourceTypes.JSON, SourceTypes.TEXT));
        assertTrue(rest.stream().filter(e -> e.sourceType().equals(SourceTypes.TEXT)).count() >= 2, "stack traces are text");
        Event scan = rest.stream().filter(e -> "45.155.205.233".equals(e.sourceIp())).findFirst().orElseThrow();
        assertEquals("failure", scan.outcome(), "a 4xx answer");
        assertTrue(scan.fields().get("user_agent.original").contains("Nuclei"));
    }
}
