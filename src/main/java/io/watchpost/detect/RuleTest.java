package io.watchpost.detect;

import io.watchpost.normalize.RawLogEvent;

import java.util.List;

/**
 * A test case written in the rule file: raw CloudWatch events, normalized as ingestion would, and the outcome.
 *
 * @param expectAlerts how many alerts must be raised: -1 means "at least one" ({@code expect: fire}); 0 is
 *                     {@code expect: none}
 */
public record RuleTest(String name, List<RawLogEvent> events, int expectAlerts) {
    public RuleTest {
        events = List.copyOf(events);
    }

    public boolean expectsFire() {
        return expectAlerts != 0;
    }
}
