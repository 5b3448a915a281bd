package io.watchpost.query;

import io.watchpost.normalize.Severity;
import io.watchpost.store.ActionKey;
import io.watchpost.store.EventColumns;
import io.watchpost.store.SqlWhere;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Compiles a {@link Filter} to one parameterized SQL condition over {@code events}; user text only ever travels as a
 * parameter. Everything compiles to SQL (no Java-side residual), so counts, histograms and pages agree exactly.
 * <ul>
 * <li>Fields with a column compare the column; {@code source.ip in CIDR} uses the indexed numeric column of V4.</li>
 * <li>Fields only in the {@code fields} JSON use a cheap necessary condition on the JSON text ({@code fields ILIKE
 * '%"key":"value"%'} for equality, {@code '%"key":%'} otherwise) and then the exact test on the value that
 * {@code WP_FIELD} extracts; the LIKE discards almost every row before the JSON is read.</li>
 * <li>Negation is pushed to the leaves (De Morgan) and each negated leaf is two-valued ({@code NOT COALESCE(x, FALSE)}),
 * so a missing field never makes {@code not} lose events, while plain conjunctions stay index-friendly.</li>
 * </ul>
 */
public final class SqlCompiler {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final String FIELD_VALUE = "WP_FIELD(" + EventColumns.FIELDS + ", ?)";

    private final Clock clock;
    private final List<Object> params = new ArrayList<>();

    private SqlCompiler(Clock clock) {
        this.clock = clock;
    }

    public static SqlWhere compile(Filter filter) {
        return compile(filter, Clock.systemUTC());
    }

    /** {@code clock} gives "now" for relative times ({@code @timestamp > now-15m}). */
    public static SqlWhere compile(Filter filter, Clock clock) {
        if (filter instanceof Filter.All) {
            return SqlWhere.ALL;
        }
        SqlCompiler c = new SqlCompiler(clock);
        String sql = c.node(filter, false);
        return withActionKey(filter, sql, c.params);
    }

    /**
     * Marks a filter whose top level requires {@code event.action = a} (and maybe {@code event.outcome = o}): the cache
     * keeps per-minute counts of those, which answer its histogram and narrow its pages.
     */
    private static SqlWhere withActionKey(Filter filter, String sql, List<Object> params) {
        List<Filter> conjuncts = new ArrayList<>();
        flattenAnd(filter, conjuncts);
        String action = null;
        String outcome = null;
        int keyParts = 0;
        for (Filter f : conjuncts) {
            if (f instanceof Filter.Comparison c && c.op() == Filter.Operator.EQ
                    && FieldRef.of(c.field()) instanceof FieldRef.TextColumn t) {
                if (t.column().equals("action") && action == null) {
                    action = c.value();
                    keyParts++;
                } else if (t.column().equals("outcome") && outcome == null) {
                    outcome = c.value();
                    keyParts++;
                }
            }
        }
        if (action == null) {
            return new SqlWhere(sql, params);
        }
        return new SqlWhere(sql, params, Optional.of(new ActionKey(action, outcome)), keyParts == conjuncts.size());
    }

    private static void flattenAnd(Filter f, List<Filter> into) {
        if (f instanceof Filter.And a) {
            a.parts().forEach(p -> flattenAnd(p, into));
        } else {
            into.add(f);
        }
    }

    private String node(Filter f, boolean negated) {
        if (f instanceof Filter.All) {
            return negated ? "FALSE" : "TRUE";
        }
        if (f instanceof Filter.Not n) {
            return node(n.inner(), !negated);
        }
        // De Morgan: not (a and b) = not a or not b
        if (f instanceof Filter.And a) {
            return join(a.parts(), negated ? " OR " : " AND ", negated);
        }
        if (f instanceof Filter.Or o) {
            return join(o.parts(), negated ? " AND " : " OR ", negated);
        }
        if (f instanceof Filter.Comparison c && c.op() == Filter.Operator.NE) {
            return leaf(new Filter.Comparison(c.field(), Filter.Operator.EQ, c.value(), c.column()), !negated);
        }
        return leaf(f, negated);
    }

    private String join(List<Filter> parts, String connective, boolean negated) {
        StringJoiner j = new StringJoiner(connective, "(", ")");
        for (Filter p : parts) {
            j.add(node(p, negated));
        }
        return j.toString();
    }

    private String leaf(Filter f, boolean negated) {
        String positive = positiveLeaf(f);
        // A leaf may be NULL (missing field); in WHERE that acts as false, but under NOT it must stay false→true.
        return negated ? "NOT COALESCE(" + positive + ", FALSE)" : positive;
    }

    private String positiveLeaf(Filter f) {
        if (f instanceof Filter.FreeText t) {
            params.add(like("%", t.text(), "%"));
            return "(message ILIKE ? ESCAPE '\\')";
        }
        if (f instanceof Filter.Comparison c) {
            return comparison(c);
        }
        if (f instanceof Filter.In in) {
            return in(in);
        }
        if (f instanceof Filter.InCidr c) {
            return cidr(c);
        }
        if (f instanceof Filter.Matches m) {
            return matches(m);
        }
        if (f instanceof Filter.Exists e) {
            return exists(e);
        }
        throw new IllegalStateException("not a leaf: " + f);
    }

    private String comparison(Filter.Comparison c) {
        FieldRef ref = FieldRef.of(c.field());
        if (ref instanceof FieldRef.TimeColumn t) {
            if (c.op() != Filter.Operator.EQ && !c.op().isOrdering()) {
                throw new FilterSyntaxException("'" + c.op().symbol() + "' does not apply to the time " + c.field()
                        + "; use = < <= > >=", c.column());
            }
            params.add(millis(c.value(), c.column()));
            return "(" + t.column() + " " + c.op().symbol() + " ?)";
        }
        if (ref instanceof FieldRef.TextColumn t) {
            if (EventColumns.isSeverity(t.column()) && c.op().isOrdering()) {
                return severityRange(t.column(), c);
            }
            String value = EventColumns.isSeverity(t.column()) ? c.value().toUpperCase(Locale.ROOT) : c.value();
            return "(" + valueTest(t.column(), c.op(), value) + ")";
        }
        if (ref instanceof FieldRef.JsonKey k) {
            String prefilter = c.op() == Filter.Operator.EQ
                    ? jsonPrefilter(k.key(), SqlCompiler.jsonString(c.value())) : jsonPrefilter(k.key(), null);
            params.add(k.key());
            return "(" + prefilter + " AND " + valueTest(FIELD_VALUE, c.op(), c.value()) + ")";
        }
        throw new IllegalStateException("unknown field kind: " + ref);
    }

    /** {@code expr op value} for text: = exact; ordering numeric when the value is a number; text ops ignore case. */
    private String valueTest(String expr, Filter.Operator op, String value) {
        switch (op) {
            case CONTAINS, STARTS_WITH, ENDS_WITH -> {
                params.add(like(op == Filter.Operator.CONTAINS || op == Filter.Operator.ENDS_WITH ? "%" : "", value,
                        op == Filter.Operator.CONTAINS || op == Filter.Operator.STARTS_WITH ? "%" : ""));
                return expr + " ILIKE ? ESCAPE '\\'";
            }
            default -> {
                if (op.isOrdering() && NUMBER.matcher(value).matches()) {
                    params.add(Double.parseDouble(value));
                    return "WP_NUMBER(" + expr + ") " + op.symbol() + " ?";
                }
                params.add(value);
                return expr + " " + op.symbol() + " ?";
            }
        }
    }

    private String severityRange(String column, Filter.Comparison c) {
        Severity bound;
        try {
            bound = Severity.valueOf(c.value().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FilterSyntaxException("'" + c.value() + "' is not a severity (" + List.of(Severity.values()) + ")",
                    c.column());
        }
        StringJoiner in = new StringJoiner(", ", "(" + column + " IN (", "))");
        for (Severity s : Severity.values()) {
            int cmp = s.compareTo(bound);
            boolean keep = switch (c.op()) {
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                default -> cmp >= 0;
            };
            if (keep) {
                in.add("?");
                params.add(s.name());
            }
        }
        return in.length() == ("(" + column + " IN (").length() + 2 ? "FALSE" : in.toString();
    }

    private String in(Filter.In in) {
        FieldRef ref = FieldRef.of(in.field());
        if (ref instanceof FieldRef.TimeColumn t) {
            StringJoiner j = new StringJoiner(", ", "(" + t.column() + " IN (", "))");
            for (String v : in.values()) {
                j.add("?");
                params.add(millis(v, in.column()));
            }
            return j.toString();
        }
        if (ref instanceof FieldRef.TextColumn t) {
            StringJoiner j = new StringJoiner(", ", "(" + t.column() + " IN (", "))");
            for (String v : in.values()) {
                j.add("?");
                params.add(EventColumns.isSeverity(t.column()) ? v.toUpperCase(Locale.ROOT) : v);
            }
            return j.toString();
        }
        if (ref instanceof FieldRef.JsonKey k) {
            StringJoiner pre = new StringJoiner(" OR ", "(", ")");
            for (String v : in.values()) {
                pre.add(jsonPrefilter(k.key(), jsonString(v)));
            }
            params.add(k.key());
            StringJoiner j = new StringJoiner(", ", FIELD_VALUE + " IN (", ")");
            for (String v : in.values()) {
                j.add("?");
                params.add(v);
            }
            return "(" + pre + " AND " + j + ")";
        }
        throw new IllegalStateException("unknown field kind: " + ref);
    }

    private String cidr(Filter.InCidr c) {
        FieldRef ref = FieldRef.of(c.field());
        if (ref instanceof FieldRef.TimeColumn t) {
            throw new FilterSyntaxException("a CIDR block does not apply to the time "
                    + c.field(), c.column());
        }
        if (ref instanceof FieldRef.TextColumn t) {
            var numeric = EventColumns.ipv4NumberColumn(t.column());
            if (numeric.isPresent() && !c.network().ipv6()) {
                // The generated column holds the IPv4 as a number (NULL otherwise): an indexed range scan.
                params.add(c.network().first().longValueExact());
                params.add(c.network().last().longValueExact());
                return "(" + numeric.get() + " BETWEEN ? AND ?)";
            }
            params.add(c.network().text());
            return "WP_IN_CIDR(" + t.column() + ", ?)";
        }
        if (ref instanceof FieldRef.JsonKey k) {
            String pre = jsonPrefilter(k.key(), null);
            params.add(k.key());
            params.add(c.network().text());
            return "(" + pre + " AND WP_IN_CIDR(" + FIELD_VALUE + ", ?))";
        }
        throw new IllegalStateException("unknown field kind: " + ref);
    }

    private String matches(Filter.Matches m) {
        FieldRef ref = FieldRef.of(m.field());
        if (ref instanceof FieldRef.TimeColumn t) {
            throw new FilterSyntaxException("'matches' does not apply to the time "
                    + m.field(), m.column());
        }
        if (ref instanceof FieldRef.TextColumn t) {
            params.add(m.regex());
            return "REGEXP_LIKE(" + t.column() + ", ?)";
        }
        if (ref instanceof FieldRef.JsonKey k) {
            String pre = jsonPrefilter(k.key(), null);
            params.add(k.key());
            params.add(m.regex());
            return "(" + pre + " AND REGEXP_LIKE(" + FIELD_VALUE + ", ?))";
        }
        throw new IllegalStateException("unknown field kind: " + ref);
    }

    private String exists(Filter.Exists e) {
        FieldRef ref = FieldRef.of(e.field());
        if (ref instanceof FieldRef.TimeColumn t) {
            return "TRUE";
        }
        if (ref instanceof FieldRef.TextColumn t) {
            return "(" + t.column() + " IS NOT NULL)";
        }
        if (ref instanceof FieldRef.JsonKey k) {
            String pre = jsonPrefilter(k.key(), null);
            params.add(k.key());
            return "(" + pre + " AND " + FIELD_VALUE + " IS NOT NULL)";
        }
        throw new IllegalStateException("unknown field kind: " + ref);
    }

    /**
     * A necessary condition on the JSON text: the key (any case, as WP_FIELD matches it) followed by the value as
     * Jackson writes it, or by anything when {@code jsonValue} is null.
     */
    private String jsonPrefilter(String key, String jsonValue) {
        params.add(like("%", jsonString(key) + ":" + (jsonValue == null ? "" : jsonValue), "%"));
        return "fields ILIKE ? ESCAPE '\\'";
    }

    private long millis(String value, int column) {
        return TimeValues.parse(value, clock).orElseThrow(() -> new FilterSyntaxException("'" + value
                + "' is not a time (ISO-8601, epoch milliseconds, or now-15m)", column)).toEpochMilli();
    }

    private static String like(String before, String text, String after) {
        return before + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + after;
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
}
