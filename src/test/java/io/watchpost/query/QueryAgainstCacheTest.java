package io.watchpost.query;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.normalize.Severity;
import io.watchpost.store.Cache;
import io.watchpost.store.StoredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The filter's SQL run against a real cache: each operator finds exactly the events it should, no more, no less. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryAgainstCacheTest {

    static final long T0 = Instant.parse("2025-11-24T08:00:00Z").toEpochMilli();

    Path dir;
    Cache cache;

    @BeforeAll
    void fill(@TempDir Path tmp) {
        dir = tmp;
        cache = Cache.open(dir.resolve("c"));
        cache.events().append(List.of(
                event(1, "cloudtrail", Severity.WARNING, "ConsoleLogin", "failure", "alice", "10.1.2.3",
                        "ConsoleLogin by alice from 10.1.2.3", "eventName", "ConsoleLogin", "source.port", "443",
                        "destination.port", "22"),
                event(2, "cloudtrail", Severity.INFO, "ConsoleLogin", "success", "bob", "192.168.1.5",
                        "ConsoleLogin by bob from 192.168.1.5", "source.port", "80", "user_agent.original", "curl/8.1.2"),
                event(3, "vpcflow", Severity.INFO, "accept", "success", null, "203.0.113.9",
                        "ACCEPT 203.0.113.9 -> 10.0.1.7:22", "destination.ip", "10.0.1.7", "destination.port", "22",
                        "network.bytes", "1500"),
                event(4, "json", Severity.ERROR, null, null, null, null, "payment DENIED upstream",
                        "http.status", "503", "latency_ms", "9.5"),
                event(5, "text", Severity.INFO, null, null, null, "2001:db8::7", "Failed password for root from 2001:db8::7"),
                // Traps for a naive LIKE on the JSON text: a key ending in 'key' and a value that quotes "key":"value".
                event(6, "json", Severity.INFO, null, null, null, null, "odd keys",
                        "a\"key", "value", "note", "has \"key\":\"value\" inside", "destination.port", "2222")));
    }

    @AfterAll
    void close() {
        cache.close();
    }

    @ParameterizedTest(name = "{0}  →  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            event.action = ConsoleLogin and event.outcome = failure       | 1
            event.action == ConsoleLogin                                   | 1 2
            source.ip in 10.0.0.0/8                                        | 1
            source.ip in [10.0.0.0/8, 192.168.0.0/16]                      | 1 2
            source.ip in 2001:db8::/32                                     | 5
            not source.ip in 10.0.0.0/8                                    | 2 3 4 5 6
            destination.ip in 10.0.0.0/8                                   | 3
            user.name in [alice, bob, nobody]                              | 1 2
            user.name exists                                               | 1 2
            user_agent.original exists                                     | 2
            not user_agent.original exists                                 | 1 3 4 5 6
            source.port > 100                                              | 1
            source.port < 100                                              | 2
            network.bytes >= 1500                                          | 3
            latency_ms < 10                                                | 4
            http.status >= 500                                             | 4
            user_agent.original matches /^curl\\/\\d/                      | 2
            message matches /(?i)failed password/                          | 5
            denied                                                         | 4
            "failed password"                                              | 5
            message contains PAYMENT                                       | 4
            message startswith failed                                      | 5
            message endswith upstream                                      | 4
            not (event.action = ConsoleLogin or severity >= error)         | 3 5 6
            (event.outcome = failure or user.name = bob) and source.ip in 10.0.0.0/8 | 1
            event.outcome = failure or user.name = bob and source.ip in 10.0.0.0/8   | 1
            destination.port = 22                                          | 1 3
            DESTINATION.PORT = 22                                          | 1 3
            destination.port != 22                                         | 2 4 5 6
            destination.port in [22, 2222]                                 | 1 3 6
            destination.port startswith 22                                 | 1 3 6
            key = value                                                    |
            note contains '"key":"value"'                                  | 6
            severity >= warning                                            | 1 4
            severity = error                                               | 4
            @timestamp >= 2025-11-24T08:00:03Z                             | 3 4 5 6
            @timestamp < 2025-11-24T08:00:02Z                              | 1
            sourceType in [vpcflow, text]                                  | 3 5
            logGroup = /g                                                  | 1 2 3 4 5 6
            """)
    void findsExactlyTheRightEvents(String filter, String expected) {
        Set<String> want = expected == null ? Set.of() : new TreeSet<>(Arrays.asList(expected.trim().split(" +")));
        assertEquals(want, ids(filter), filter);
        assertEquals(want.size(), cache.events().count(SqlCompiler.compile(FilterParser.parse(filter))), filter);
    }

    @Test
    void normalizedCloudTrailIsFoundByItsFlattenedFields() {
        Normalizer n = new Normalizer();
        try (Cache other = Cache.open(dir.resolve("ct"))) {
            other.events().append(List.of(
                    n.normalize(new RawLogEvent("/ct", "s", "1", 1, 0, ct("ConsoleLogin", "alice", "Failure"))),
                    n.normalize(new RawLogEvent("/ct", "s", "2", 2, 0, ct("ConsoleLogin", "bob", "Success"))),
                    n.normalize(new RawLogEvent("/app", "s", "4", 4, 0, "{\"level\":\"ERROR\",\"msg\":\"tab\\there\",\"k\":\"a\\\"q\"}"))));
            assertEquals(List.of("2"), other.events().find(SqlCompiler.compile(FilterParser.parse(
                    "responseElements.ConsoleLogin = Success")), 10, true).stream().map(e -> e.event().eventId()).toList());
            assertEquals(List.of("4"), other.events().find(SqlCompiler.compile(FilterParser.parse(
                    "msg = \"tab\\there\" AND k = 'a\"q'")), 10, true).stream().map(e -> e.event().eventId()).toList());
            // CloudTrail's own eventID is the record's UUID; only the exact spelling eventId names CloudWatch's id.
            other.events().append(List.of(n.normalize(new RawLogEvent("/ct", "s", "3", 3, 0, ct("ConsoleLogin", "carol",
                    "Success").replace("{\"eventVersion\"", "{\"eventID\":\"2\",\"eventVersion\"")))));
            assertEquals(List.of("3"), other.events().find(SqlCompiler.compile(FilterParser.parse("eventID = 2")), 10,
                    true).stream().map(e -> e.event().eventId()).toList());
            assertEquals(List.of("2"), other.events().find(SqlCompiler.compile(FilterParser.parse("eventId = 2")), 10,
                    true).stream().map(e -> e.event().eventId()).toList());
        }
    }

    private Set<String> ids(String filter) {
        return cache.events().find(SqlCompiler.compile(FilterParser.parse(filter)), 100, true).stream()
                .map(StoredEvent::event).map(Event::eventId).collect(Collectors.toCollection(TreeSet::new));
    }

    static Event event(int id, String type, Severity severity, String action, String outcome, String user, String ip,
                       String message, String... kv) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            fields.put(kv[i], kv[i + 1]);
        }
        Instant t = Instant.ofEpochMilli(T0 + id * 1000L);
        return new Event(t, t, "/g", "s", Integer.toString(id), type, severity, action, outcome, user, ip, message,
                message, fields, null);
    }

    private static String ct(String name, String user, String console) {
        return "{\"eventVersion\":\"1.08\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"" + name
                + "\",\"eventTime\":\"2025-11-24T08:00:00Z\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"" + user + "\"}"
                + (console == null ? "" : ",\"responseElements\":{\"ConsoleLogin\":\"" + console + "\"}") + "}";
    }
}
