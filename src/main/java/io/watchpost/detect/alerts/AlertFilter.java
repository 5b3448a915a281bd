package io.watchpost.detect.alerts;

import io.watchpost.detect.RuleSeverity;

import java.util.Set;

/**
 * Which alerts to list: states and severities (empty = any), newest last firing first, at most {@code limit}.
 */
public record AlertFilter(Set<TriageState> states, Set<RuleSeverity> severities, int limit) {
    public AlertFilter {
        states = Set.copyOf(states);
        severities = Set.copyOf(severities);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    public static AlertFilter all(int limit) {
        return new AlertFilter(Set.of(), Set.of(), limit);
    }

    /** Not closed yet: new and acknowledged. */
    public static AlertFilter open(int limit) {
        return new AlertFilter(Set.of(TriageState.NEW, TriageState.ACKNOWLEDGED), Set.of(), limit);
    }
}
