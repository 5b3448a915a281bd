package io.watchpost.query;

import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.store.Cache;
import io.watchpost.store.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The filter's SQL run against a real cache: what an analyst types finds exactly the events it should. */
class QueryAgainstCacheTest {

    @TempDir
    Path dir;

    @Test
    void filtersOnColumnsAndFlattenedFields() {
        Normalizer n = new Normalizer();
        try (Cache cache = Cache.open(dir.resolve("c"))) {
            cache.events().append(List.of(
                    n.normalize(new RawLogEvent("/ct", "s", "1", 1, 0, ct("ConsoleLogin", "alice", "Failure"))),
                    n.normalize(new RawLogEvent("/ct", "s", "2", 2, 0, ct("ConsoleLogin", "bob", "Success"))),
                    n.normalize(new RawLogEvent("/ct", "s", "3", 3, 0, ct("CreateUser", "alice", null))),
                    n.normalize(new RawLogEvent("/app", "s", "4", 4, 0, "{\"level\":\"ERROR\",\"msg\":\"tab\\there\",\"k\":\"a\\\"q\"}")),
                    n.normalize(new RawLogEvent("/app", "s", "5", 5, 0, "plain ERROR text"))));
            assertEquals(List.of("1"), ids(cache, "event.action = ConsoleLogin AND event.outcome = failure"));
            assertEquals(List.of("3", "1"), ids(cache, "user.name = alice"));
            assertEquals(List.of("2"), ids(cache, "responseElements.ConsoleLogin = Success"));
            assertEquals(List.of("4"), ids(cache, "msg = \"tab\\there\" AND k = 'a\"q'"));
            assertEquals(List.of("5", "4"), ids(cache, "logGroup = /app"));
            assertEquals(List.of("3", "2", "5", "4"), ids(cache, "outcome != failure AND log.group != x"), "CloudTrail times are 2025, the others 1970");
            assertEquals(2, cache.events().count(SqlCompiler.compile(FilterParser.parse("severity = ERROR"))));
        }
    }

    private static List<String> ids(Cache cache, String filter) {
        return cache.events().find(SqlCompiler.compile(FilterParser.parse(filter)), 100, true).stream()
                .map(StoredEvent::event).map(e -> e.eventId()).toList();
    }

    private static String ct(String name, String user, String console) {
        return "{\"eventVersion\":\"1.08\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"" + name
                + "\",\"eventTime\":\"2025-11-24T08:00:00Z\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"" + user + "\"}"
                + (console == null ? "" : ",\"responseElements\":{\"ConsoleLogin\":\"" + console + "\"}") + "}";
    }
}
