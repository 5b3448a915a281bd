package io.watchpost.query;

import io.watchpost.store.EventColumns;
import io.watchpost.store.SqlWhere;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Compiles a {@link Filter} to parameterized SQL over the cache. Fields with a column compare the column; any other
 * field is matched inside the flattened-fields JSON, whose exact text form ({@code "key":"value"}) the store writes.
 */
public final class SqlCompiler {

    private SqlCompiler() {
    }

    public static SqlWhere compile(Filter filter) {
        if (filter.comparisons().isEmpty()) {
            return SqlWhere.ALL;
        }
        StringJoiner sql = new StringJoiner(" AND ");
        List<Object> params = new ArrayList<>();
        for (Filter.Comparison c : filter.comparisons()) {
            String not = c.negated() ? "NOT " : "";
            var time = EventColumns.timeColumn(c.field());
            var text = EventColumns.textColumn(c.field());
            if (time.isPresent()) {
                sql.add(not + "(" + time.get() + " = ?)");
                params.add(millis(c));
            } else if (text.isPresent()) {
                sql.add(c.negated() ? "(" + text.get() + " IS NULL OR " + text.get() + " <> ?)" : "(" + text.get() + " = ?)");
                params.add(c.value());
            } else {
                sql.add(not + "(fields LIKE ? ESCAPE '\\')");
                params.add("%" + likeEscape(jsonString(c.field()) + ":" + jsonString(c.value())) + "%");
            }
        }
        return new SqlWhere(sql.toString(), params);
    }

    private static long millis(Filter.Comparison c) {
        String v = c.value();
        try {
            return v.chars().allMatch(Character::isDigit) ? Long.parseLong(v) : Instant.parse(v).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new FilterSyntaxException("'" + v + "' is not a time (ISO-8601 or epoch milliseconds)", c.column());
        }
    }

    /** The string as Jackson writes it inside the fields column. */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04X", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
