package io.watchpost.detect;

import java.time.Duration;
import java.util.List;

/**
 * One detection rule, as read from its YAML file.
 *
 * @param author   who wrote it (kept in alerts: Sigma's DRL requires it), or null
 * @param suppress repeated firings for the same group within this span fold into one alert
 * @param source   the YAML text it was read from
 */
public record Rule(String id, String title, String description, RuleSeverity severity, List<String> tags,
                   boolean enabled, String author, RuleLogic logic, Duration suppress, List<RuleTest> tests,
                   String source) {
    public Rule {
        tags = List.copyOf(tags);
        tests = List.copyOf(tests);
    }

    public Rule withEnabled(boolean on) {
        return new Rule(id, title, description, severity, tags, on, author, logic, suppress, tests, source);
    }

    /** MITRE ATT&CK technique ids among the tags (T1110, T1110.001 …, with or without Sigma's {@code attack.}). */
    public List<String> techniques() {
        return tags.stream().map(t -> t.startsWith("attack.") ? t.substring(7) : t)
                .filter(t -> t.matches("(?i)t\\d{4}(\\.\\d{3})?")).map(String::toUpperCase).toList();
    }
}
