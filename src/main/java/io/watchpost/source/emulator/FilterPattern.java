package io.watchpost.source.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The subset of CloudWatch Logs' unstructured filter syntax the emulator understands (case-sensitive, like AWS):
 * <ul>
 *   <li>empty or blank: every event matches;</li>
 *   <li>{@code ERROR timeout}: every term must appear;</li>
 *   <li>{@code "connection reset"}: a quoted exact phrase is one term;</li>
 *   <li>{@code ERROR -healthcheck}: a leading '-' excludes events containing the term;</li>
 *   <li>{@code ?ERROR ?WARN}: terms with a leading '?' match if any of them appears.</li>
 * </ul>
 * JSON ({@code { $.x = 1 }}) and space-delimited ({@code [ip, user, ...]}) patterns are refused with
 * InvalidParameterException rather than silently matching the wrong events.
 */
final class FilterPattern {

    static final FilterPattern ALL = new FilterPattern(List.of(), List.of(), List.of());

    private final List<String> required;
    private final List<String> excluded;
    private final List<String> anyOf;

    private FilterPattern(List<String> required, List<String> excluded, List<String> anyOf) {
        this.required = required;
        this.excluded = excluded;
        this.anyOf = anyOf;
    }

    static FilterPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return ALL;
        }
        String p = pattern.strip();
        if (p.startsWith("{") || p.startsWith("[")) {
            throw EmulatorException.invalidParameter(
                    "Invalid filter pattern: JSON and space-delimited patterns are not supported by the emulator.");
        }
        List<String> required = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> anyOf = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> target = required;
            if (c == '-' || c == '?') {
                target = c == '-' ? excluded : anyOf;
                i++;
                if (i >= p.length() || Character.isWhitespace(p.charAt(i))) {
                    throw EmulatorException.invalidParameter("Invalid filter pattern: dangling '" + c + "'.");
                }
            }
            String term;
            if (p.charAt(i) == '"') {
                int end = p.indexOf('"', i + 1);
                if (end < 0) {
                    throw EmulatorException.invalidParameter("Invalid filter pattern: unterminated quote.");
                }
                term = p.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = i;
                while (end < p.length() && !Character.isWhitespace(p.charAt(end))) {
                    end++;
                }
                term = p.substring(i, end);
                i = end;
            }
            if (!term.isEmpty()) {
                target.add(term);
            }
        }
        return new FilterPattern(List.copyOf(required), List.copyOf(excluded), List.copyOf(anyOf));
    }

    boolean matchesAll() {
        return required.isEmpty() && excluded.isEmpty() && anyOf.isEmpty();
    }

    boolean matches(String message) {
        for (String t : required) {
            if (!message.contains(t)) {
                return false;
            }
        }
        for (String t : excluded) {
            if (message.contains(t)) {
                return false;
            }
        }
        if (anyOf.isEmpty()) {
            return true;
        }
        for (String t : anyOf) {
            if (message.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
