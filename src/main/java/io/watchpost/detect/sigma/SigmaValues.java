package io.watchpost.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns one Sigma value (with its wildcards {@code * ?} and escapes {@code \* \? \\}) into a filter-language leaf
 * over one field. Sigma compares ignoring case; our {@code contains/startswith/endswith/matches (?i)} do too, and
 * plain equality uses {@code =}, which is exact: CloudTrail values (eventName, eventSource, userIdentity.type …)
 * have one canonical spelling, and the rules use it.
 */
final class SigmaValues {

    private SigmaValues() {
    }

    /** A piece of a value: literal text, or a wildcard ("*" any run, "?" one character). */
    private record Piece(String text, boolean wildcard) {
    }

    /**
     * Sigma's equality, which ignores case: our {@code =} and {@code in} are exact, so text with letters becomes an
     * anchored case-insensitive regex ({@code eventName matches "(?i)^(StopLogging|DeleteTrail)$"}). Rules do
     * rely on it: {@code additionalEventData.MFAUsed: 'NO'} must match CloudTrail's "No".
     */
    static String equalsIgnoringCase(String field, List<String> values) {
        boolean caseless = values.stream().allMatch(v -> v.toLowerCase(java.util.Locale.ROOT)
                .equals(v.toUpperCase(java.util.Locale.ROOT)));
        if (caseless) {
            return values.size() == 1 ? field + " = " + quote(values.get(0))
                    : field + " in [" + String.join(", ", values.stream().map(SigmaValues::quote).toList()) + "]";
        }
        String alternatives = String.join("|", values.stream().map(SigmaValues::regexLiteral).toList());
        return field + " matches " + quote("(?i)^" + (values.size() == 1 ? alternatives : "(" + alternatives + ")") + "$");
    }

    /** Text as a regex that matches it literally, escaping only what needs it (more readable than Pattern.quote). */
    static String regexLiteral(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<Piece> pieces(String value) {
        List<Piece> out = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && "*?\\".indexOf(value.charAt(i + 1)) >= 0) {
                lit.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (!lit.isEmpty()) {
                    out.add(new Piece(lit.toString(), false));
                    lit.setLength(0);
                }
                out.add(new Piece(String.valueOf(c), true));
            } else {
                lit.append(c);
            }
        }
        if (!lit.isEmpty()) {
            out.add(new Piece(lit.toString(), false));
        }
        return out;
    }

    /**
     * The leaf for {@code field} against one value already wrapped by contains/startswith/endswith ({@code *v*},
     * {@code v*}, {@code *v}). {@code field} null means the keyword search over the whole message.
     */
    static String leaf(String field, String value) {
        List<Piece> ps = pieces(value);
        if (ps.isEmpty()) {
            return field == null ? "message = \"\"" : field + " = \"\"";
        }
        if (ps.stream().allMatch(p -> p.text().equals("*") && p.wildcard())) {
            // '*' alone: any value at all, i.e. the field is present; a JSON array is flattened to field.0, field.1 …
            // (Sigma matches a list when any element does), so its first element stands for it
            return field == null ? "message exists" : "(" + field + " exists or " + field + ".0 exists)";
        }
        boolean starAtStart = ps.get(0).wildcard() && ps.get(0).text().equals("*");
        boolean starAtEnd = ps.get(ps.size() - 1).wildcard() && ps.get(ps.size() - 1).text().equals("*");
        List<Piece> inner = ps.subList(starAtStart ? 1 : 0, ps.size() - (starAtEnd ? 1 : 0));
        if (inner.size() == 1 && !inner.get(0).wildcard()) {
            String lit = inner.get(0).text();
            if (field == null) {
                // keywords are substring searches; a lone quoted string is our free text (message contains, any case)
                return quote(lit);
            }
            if (starAtStart && starAtEnd) {
                return field + " contains " + quote(lit);
            }
            if (starAtEnd) {
                return field + " startswith " + quote(lit);
            }
            if (starAtStart) {
                return field + " endswith " + quote(lit);
            }
            return equalsIgnoringCase(field, List.of(lit));
        }
        // keywords search anywhere in the message; a field value must match whole
        StringBuilder re = new StringBuilder(field == null ? "(?i)" : "(?i)^");
        for (Piece p : ps) {
            if (p.wildcard()) {
                re.append(p.text().equals("*") ? ".*" : ".");
            } else {
                re.append(regexLiteral(p.text()));
            }
        }
        if (field != null) {
            re.append('$');
        }
        return (field == null ? "message" : field) + " matches " + quote(re.toString());
    }
}
