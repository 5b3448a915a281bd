package io.watchpost.detect.alerts;

import io.watchpost.detect.Alert;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.EventRef;
import io.watchpost.detect.RuleSeverity;
import io.watchpost.detect.RuleYaml;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.store.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertStoreTest {
    @TempDir
    Path dir;
    Cache cache;
    AlertStore store;

    @BeforeEach
    void open() {
        cache = Cache.open(dir.resolve("cache"));
        store = new AlertStore(cache.dataSource());
    }

    @AfterEach
    void close() {
        cache.close();
    }

    static Alert alert(String id, RuleSeverity sev, Instant last, int firings, List<EventRef> events) {
        return new Alert(id, "wp.test", "Test rule", sev, "Jane Analyst", List.of("attack.t1098", "T1110"),
                "user=bob", Instant.parse("2025-11-24T08:00:00Z"), last, firings, events, "summary " + id);
    }

    @Test
    void refiredAlertUpdatesFactsAndEventsButKeepsTriage() {
        Instant t0 = Instant.parse("2025-11-24T08:00:00Z");
        store.save(alert("a1", RuleSeverity.HIGH, t0, 1, List.of(new EventRef("/aws/cloudtrail", "e1"))));
        assertTrue(store.setState("a1", TriageState.ACKNOWLEDGED, "looking at it"));
        store.save(alert("a1", RuleSeverity.HIGH, t0.plusSeconds(60), 2,
                List.of(new EventRef("/aws/cloudtrail", "e1"), new EventRef("/aws/cloudtrail", "e2"))));
        StoredAlert s = store.get("a1").orElseThrow();
        assertEquals(TriageState.ACKNOWLEDGED, s.state());
        assertEquals("looking at it", s.note());
        assertEquals(2, s.alert().firings());
        assertEquals(t0.plusSeconds(60), s.alert().lastTime());
        assertEquals(List.of("e1", "e2"), s.alert().events().stream().map(EventRef::eventId).toList());
        assertEquals("Jane Analyst", s.alert().author());
        assertEquals(List.of("attack.t1098", "T1110"), s.alert().tags());
        assertFalse(store.setState("nope", TriageState.CLOSED_TRUE_POSITIVE, null));
    }

    @Test
    void listsByStateAndSeverityNewestFirst() {
        Instant t0 = Instant.parse("2025-11-24T08:00:00Z");
        store.save(alert("low", RuleSeverity.LOW, t0.plusSeconds(1), 1, List.of()));
        store.save(alert("high", RuleSeverity.HIGH, t0.plusSeconds(2), 1, List.of()));
        store.save(alert("crit", RuleSeverity.CRITICAL, t0.plusSeconds(3), 1, List.of()));
        store.setState("crit", TriageState.CLOSED_FALSE_POSITIVE, "known scanner");
        assertEquals(List.of("crit", "high", "low"), ids(store.list(AlertFilter.all(10))));
        assertEquals(List.of("high", "low"), ids(store.list(AlertFilter.open(10))));
        assertEquals(List.of("crit", "high"), ids(store.list(new AlertFilter(Set.of(),
                Set.of(RuleSeverity.HIGH, RuleSeverity.CRITICAL), 10))));
        assertEquals(List.of("crit"), ids(store.list(AlertFilter.all(1))));
        assertEquals("known scanner", store.get("crit").orElseThrow().note());
        // a null note keeps the one there
        store.setState("crit", TriageState.CLOSED_TRUE_POSITIVE, null);
        assertEquals("known scanner", store.get("crit").orElseThrow().note());
    }

    @Test
    void sinkFeedsTheEngineAndStoresWhatFires() {
        String rule = """
                id: wp.test.root
                title: Root used
                severity: high
                author: Jane Analyst
                kind: match
                filter: "userIdentity.type = Root"
                """;
        AlertingSink sink = new AlertingSink(new DetectionEngine(List.of(RuleYaml.parse(rule))), store);
        List<List<Alert>> heard = new ArrayList<>();
        sink.addListener(heard::add);
        Normalizer n = new Normalizer();
        List<Event> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t = Instant.parse("2025-11-24T08:00:00Z").toEpochMilli() + i * 1000L;
            batch.add(n.normalize(new RawLogEvent("/aws/cloudtrail", "s", "e" + i, t, t,
                    "{\"eventVersion\":\"1.08\",\"eventTime\":\"2025-11-24T08:00:0" + i + "Z\",\"eventSource\":"
                            + "\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\",\"awsRegion\":\"us-east-1\","
                            + "\"userIdentity\":{\"type\":\"" + (i == 1 ? "IAMUser" : "Root") + "\"}}")));
        }
        sink.accept(batch);
        List<StoredAlert> stored = store.list(AlertFilter.all(10));
        assertEquals(1, stored.size());
        assertEquals(List.of("e0", "e2"), stored.get(0).alert().events().stream().map(EventRef::eventId).toList());
        assertEquals(1, heard.size());
        sink.accept(List.of());
        assertEquals(1, heard.size());
    }

    private static List<String> ids(List<StoredAlert> list) {
        return list.stream().map(s -> s.alert().id()).toList();
    }
}
