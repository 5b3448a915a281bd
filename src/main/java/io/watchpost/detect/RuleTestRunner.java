package io.watchpost.detect;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs a rule's own test cases: each in a fresh engine holding only that rule, enabled. */
public final class RuleTestRunner {

    public record Result(String ruleId, String test, boolean passed, String detail) {
    }

    private RuleTestRunner() {
    }

    public static List<Result> run(Rule rule) {
        Normalizer normalizer = new Normalizer(Clock.fixed(RuleYaml.TEST_BASE.plusSeconds(86_400), ZoneOffset.UTC));
        List<Result> out = new ArrayList<>();
        if (rule.tests().isEmpty()) {
            out.add(new Result(rule.id(), "(no tests)", false, "the rule has no test cases"));
        }
        for (RuleTest t : rule.tests()) {
            List<Event> events = new ArrayList<>();
            for (RawLogEvent raw : t.events()) {
                events.add(normalizer.normalize(raw));
            }
            events.sort(Comparator.comparing(Event::eventTime));
            DetectionEngine engine = new DetectionEngine(List.of(rule.withEnabled(true)));
            int alerts = engine.run(events).size();
            boolean passed = t.expectAlerts() < 0 ? alerts > 0 : alerts == t.expectAlerts();
            String expected = t.expectAlerts() < 0 ? "at least one alert" : t.expectAlerts() + " alert(s)";
            out.add(new Result(rule.id(), t.name(), passed, "expected " + expected + ", got " + alerts));
        }
        return out;
    }
}
