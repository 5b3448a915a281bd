package io.watchpost.detect;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.query.EventPredicates;
import io.watchpost.query.FilterParser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineAndFormatTest {

    static final String RULE = """
            id: t.root
            title: Root
            severity: high
            tags: [T1078]
            kind: match
            filter: "userIdentity.type = Root"
            suppress: 10m
            """;

    static Event event(String id, long second, Map<String, String> fields) {
        return new Event(Instant.ofEpochSecond(1_700_000_000L + second), Instant.EPOCH, "/g", "s", id, "cloudtrail",
                Severity.INFO, "ConsoleLogin", "success", "root", "1.2.3.4", "m", "{}", fields, null);
    }

    @Test
    void badFilterIsReportedAtItsLineAndColumn() {
        String broken = RULE.replace("userIdentity.type = Root", "userIdentity.type = = Root");
        RuleFormatException e = assertThrows(RuleFormatException.class, () -> RuleYaml.parse(broken));
        assertEquals(6, e.line());
        assertTrue(e.column() > 9, "column " + e.column());
        RuleFormatException kind = assertThrows(RuleFormatException.class, () -> RuleYaml.parse(RULE.replace("kind: match", "kind: nope")));
        assertEquals(5, kind.line());
    }

    @Test
    void repeatsFoldIntoOneAlertWithinTheSuppressionWindow() {
        DetectionEngine engine = new DetectionEngine(List.of(RuleYaml.parse(RULE)));
        Map<String, String> root = Map.of("userIdentity.type", "Root");
        Alert first = engine.accept(event("a", 0, root)).get(0);
        Alert folded = engine.accept(event("b", 60, root)).get(0);
        assertEquals(first.id(), folded.id());
        assertEquals(2, folded.firings());
        assertEquals(List.of(new EventRef("/g", "a"), new EventRef("/g", "b")), folded.events());
        Alert later = engine.accept(event("c", 3600, root)).get(0);
        assertFalse(later.id().equals(first.id()));
    }

    @Test
    void disablingAndEditingTakeEffectWithoutRestart() {
        DetectionEngine engine = new DetectionEngine(List.of(RuleYaml.parse(RULE)));
        Map<String, String> root = Map.of("userIdentity.type", "Root");
        engine.setEnabled("t.root", false);
        assertEquals(List.of(), engine.accept(event("a", 0, root)));
        engine.setEnabled("t.root", true);
        assertEquals(1, engine.accept(event("b", 1, root)).size());
        engine.putRule(RuleYaml.parse(RULE.replace("= Root", "= IAMUser")));
        assertEquals(List.of(), engine.accept(event("c", 2, root)));
    }

    @Test
    void predicatesFollowTheSqlSemantics() {
        Event e = event("a", 0, Map.of("errorCode", "AccessDenied", "network.bytes", "1500", "Mixed.Case", "x"));
        assertTrue(test("errorCode startswith accessdenied", e)); // text operators ignore case
        assertFalse(test("errorCode = accessdenied", e)); // = is exact
        assertTrue(test("network.bytes > 999", e)); // numeric ordering
        assertTrue(test("missing != x", e)); // a missing field makes != true
        assertFalse(test("missing = x", e));
        assertTrue(test("not missing contains x", e));
        assertTrue(test("mixed.case = x", e)); // JSON keys ignore case
        assertTrue(test("source.ip in 1.2.0.0/16 and event.action = ConsoleLogin", e));
        assertTrue(test("severity >= info and not severity > info", e));
        assertTrue(test("M", e)); // free text over the message
    }

    private static boolean test(String filter, Event e) {
        return EventPredicates.compile(FilterParser.parse(filter)).test(e);
    }
}
