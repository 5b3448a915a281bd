package io.watchpost.ui.explorer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds filter text for pivots: a condition on one field's value, combined with what the analyst already typed. */
public final class FilterEdits {

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:@\\-*]+");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "contains", "startswith", "endswith",
            "matches", "exists");

    private FilterEdits() {
    }

    /** {@code field = value}, quoting the value whenever the grammar would otherwise misread it. */
    public static String equalsCondition(String field, String value) {
        return field + " = " + quote(value);
    }

    /** The existing filter narrowed by {@code condition}; an or-filter is parenthesized so "and" binds to all of it. */
    public static String and(String filter, String condition) {
        String f = filter == null ? "" : filter.strip();
        if (f.isEmpty()) {
            return condition;
        }
        boolean hasOr = f.toLowerCase(Locale.ROOT).matches("(?s).*\\bor\\b.*");
        return (hasOr ? "(" + f + ")" : f) + " and " + condition;
    }

    public static String filterFor(String filter, String field, String value) {
        return and(filter, equalsCondition(field, value));
    }

    public static String filterOut(String filter, String field, String value) {
        return and(filter, "not " + equalsCondition(field, value));
    }

    static String quote(String value) {
        if (!value.isEmpty() && BARE.matcher(value).matches() && !KEYWORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
