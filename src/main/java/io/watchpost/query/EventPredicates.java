package io.watchpost.query;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.EventFields;
import io.watchpost.normalize.Severity;
import io.watchpost.store.EventColumns;
import io.watchpost.store.IpAddresses;
import io.watchpost.store.QueryFunctions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compiles a {@link Filter} to an in-memory {@link Predicate} over {@link Event}s with exactly the semantics of
 * {@link SqlCompiler}: columns compare exactly, text operators ignore case, ordering is numeric when the value is a
 * number, a missing field makes every leaf false, and {@code not} is two-valued. Every field reference is resolved
 * once here (a column becomes a direct accessor, a JSON field a map key), so evaluation does no lookups by name.
 */
public final class EventPredicates {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final Clock clock;

    private EventPredicates(Clock clock) {
        this.clock = clock;
    }

    public static Predicate<Event> compile(Filter filter) {
        return compile(filter, Clock.systemUTC());
    }

    /** @throws FilterSyntaxException for what SqlCompiler refuses too (a time that is not a time …) */
    public static Predicate<Event> compile(Filter filter, Clock clock) {
        return new EventPredicates(clock).node(filter);
    }

    /** A reader for one field: the column accessor or the fields-map lookup (keys ignoring case, exact case first). */
    public static Function<Event, String> accessor(String field) {
        var time = EventColumns.timeColumn(field);
        if (time.isPresent()) {
            return time.get().equals("event_time") ? e -> Long.toString(e.eventTime().toEpochMilli())
                    : e -> Long.toString(e.ingestTime().toEpochMilli());
        }
        var column = EventColumns.textColumn(field);
        if (column.isPresent()) {
            return switch (column.get()) {
                case "log_group" -> Event::logGroup;
                case "log_stream" -> Event::logStream;
                case "event_id" -> Event::eventId;
                case "source_type" -> Event::sourceType;
                case "severity" -> e -> e.severity().name();
                case "action" -> Event::action;
                case "outcome" -> Event::outcome;
                case "user_name" -> Event::user;
                case "source_ip" -> Event::sourceIp;
                case "message" -> Event::message;
                case "parse_error" -> Event::parseError;
                default -> throw new IllegalStateException("unmapped column " + column.get());
            };
        }
        return e -> jsonField(e.fields(), field);
    }

    /** WP_FIELD's rule: the exact key wins, else the first key equal ignoring case; JSON null counts as absent. */
    static String jsonField(Map<String, String> fields, String key) {
        if (fields instanceof EventFields f) {
            return f.getIgnoringCase(key);
        }
        String v = fields.get(key);
        if (v != null || fields.containsKey(key)) {
            return v;
        }
        for (Map.Entry<String, String> en : fields.entrySet()) {
            if (en.getValue() != null && en.getKey().equalsIgnoreCase(key)) {
                return en.getValue();
            }
        }
        return null;
    }

    private Predicate<Event> node(Filter f) {
        if (f instanceof Filter.All) {
            return e -> true;
        }
        if (f instanceof Filter.Not n) {
            return node(n.inner()).negate();
        }
        if (f instanceof Filter.And a) {
            Predicate<Event>[] parts = parts(a.parts());
            return e -> {
                for (Predicate<Event> p : parts) {
                    if (!p.test(e)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (f instanceof Filter.Or o) {
            Predicate<Event>[] parts = parts(o.parts());
            return e -> {
                for (Predicate<Event> p : parts) {
                    if (p.test(e)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (f instanceof Filter.FreeText t) {
            String needle = t.text();
            return e -> containsIgnoreCase(e.message(), needle);
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
        if (f instanceof Filter.Exists x) {
            if (EventColumns.timeColumn(x.field()).isPresent()) {
                return e -> true;
            }
            Function<Event, String> get = accessor(x.field());
            return e -> get.apply(e) != null;
        }
        throw new IllegalStateException("unknown filter node: " + f);
    }

    @SuppressWarnings("unchecked")
    private Predicate<Event>[] parts(List<Filter> filters) {
        List<Predicate<Event>> out = new ArrayList<>();
        for (Filter p : filters) {
            out.add(node(p));
        }
        return out.toArray(new Predicate[0]);
    }

    private Predicate<Event> comparison(Filter.Comparison c) {
        if (c.op() == Filter.Operator.NE) {
            return comparison(new Filter.Comparison(c.field(), Filter.Operator.EQ, c.value(), c.column())).negate();
        }
        var time = EventColumns.timeColumn(c.field());
        if (time.isPresent()) {
            if (c.op() != Filter.Operator.EQ && !c.op().isOrdering()) {
                throw new FilterSyntaxException("'" + c.op().symbol() + "' does not apply to the time " + c.field()
                        + "; use = < <= > >=", c.column());
            }
            long bound = TimeValues.parse(c.value(), clock).orElseThrow(() -> new FilterSyntaxException("'" + c.value()
                    + "' is not a time (ISO-8601, epoch milliseconds, or now-15m)", c.column())).toEpochMilli();
            boolean event = time.get().equals("event_time");
            Filter.Operator op = c.op();
            return e -> {
                long t = event ? e.eventTime().toEpochMilli() : e.ingestTime().toEpochMilli();
                return order(Long.compare(t, bound), op);
            };
        }
        var column = EventColumns.textColumn(c.field());
        boolean severity = column.isPresent() && EventColumns.isSeverity(column.get());
        if (severity && c.op().isOrdering()) {
            Severity bound;
            try {
                bound = Severity.valueOf(c.value().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new FilterSyntaxException("'" + c.value() + "' is not a severity (" + List.of(Severity.values())
                        + ")", c.column());
            }
            Filter.Operator op = c.op();
            return e -> order(e.severity().compareTo(bound), op);
        }
        String value = severity ? c.value().toUpperCase(Locale.ROOT) : c.value();
        Function<Event, String> get = accessor(c.field());
        return valueTest(get, c.op(), value);
    }

    private static Predicate<Event> valueTest(Function<Event, String> get, Filter.Operator op, String value) {
        switch (op) {
            case EQ:
                return e -> value.equals(get.apply(e));
            case CONTAINS:
                return e -> containsIgnoreCase(get.apply(e), value);
            case STARTS_WITH:
                return e -> {
                    String v = get.apply(e);
                    return v != null && v.regionMatches(true, 0, value, 0, value.length());
                };
            case ENDS_WITH:
                return e -> {
                    String v = get.apply(e);
                    return v != null && v.length() >= value.length()
                            && v.regionMatches(true, v.length() - value.length(), value, 0, value.length());
                };
            default:
                if (NUMBER.matcher(value).matches()) {
                    double bound = Double.parseDouble(value);
                    return e -> {
                        Double d = QueryFunctions.number(get.apply(e));
                        return d != null && order(Double.compare(d, bound), op);
                    };
                }
                return e -> {
                    String v = get.apply(e);
                    return v != null && order(v.compareTo(value), op);
                };
        }
    }

    private static boolean order(int cmp, Filter.Operator op) {
        return switch (op) {
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case EQ -> cmp == 0;
            default -> throw new IllegalStateException("not an ordering: " + op);
        };
    }

    private Predicate<Event> in(Filter.In in) {
        var time = EventColumns.timeColumn(in.field());
        if (time.isPresent()) {
            Set<Long> millis = new HashSet<>();
            for (String v : in.values()) {
                millis.add(TimeValues.parse(v, clock).orElseThrow(() -> new FilterSyntaxException("'" + v
                        + "' is not a time (ISO-8601, epoch milliseconds, or now-15m)", in.column())).toEpochMilli());
            }
            boolean event = time.get().equals("event_time");
            return e -> millis.contains(event ? e.eventTime().toEpochMilli() : e.ingestTime().toEpochMilli());
        }
        boolean severity = EventColumns.textColumn(in.field()).map(EventColumns::isSeverity).orElse(false);
        Set<String> values = new HashSet<>();
        for (String v : in.values()) {
            values.add(severity ? v.toUpperCase(Locale.ROOT) : v);
        }
        Function<Event, String> get = accessor(in.field());
        return e -> {
            String v = get.apply(e);
            return v != null && values.contains(v);
        };
    }

    private Predicate<Event> cidr(Filter.InCidr c) {
        if (EventColumns.timeColumn(c.field()).isPresent()) {
            throw new FilterSyntaxException("a CIDR block does not apply to the time " + c.field(), c.column());
        }
        Cidr block = c.network();
        Function<Event, String> get = accessor(c.field());
        var column = EventColumns.textColumn(c.field());
        if (column.isPresent() && EventColumns.ipv4NumberColumn(column.get()).isPresent() && !block.ipv6()) {
            // the SQL side ranges over the generated IPv4-number column, which WP_IPV4 (IpAddresses.ipv4) fills
            long first = block.first().longValueExact();
            long last = block.last().longValueExact();
            return e -> {
                String v = get.apply(e);
                if (v == null) {
                    return false;
                }
                long n = IpAddresses.ipv4(v);
                return n >= 0 && n >= first && n <= last;
            };
        }
        if (!block.ipv6()) {
            long first = block.first().longValueExact();
            long last = block.last().longValueExact();
            return e -> {
                String v = get.apply(e);
                if (v == null) {
                    return false;
                }
                long n = IpAddresses.ipv4(v); // the common case without BigInteger; anything else as WP_IN_CIDR does
                return n >= 0 ? n >= first && n <= last : Boolean.TRUE.equals(QueryFunctions.inCidr(v, block.text()));
            };
        }
        return e -> {
            String v = get.apply(e);
            return v != null && Boolean.TRUE.equals(QueryFunctions.inCidr(v, block.text()));
        };
    }

    private Predicate<Event> matches(Filter.Matches m) {
        if (EventColumns.timeColumn(m.field()).isPresent()) {
            throw new FilterSyntaxException("'matches' does not apply to the time " + m.field(), m.column());
        }
        Pattern p = Pattern.compile(m.regex());
        Function<Event, String> get = accessor(m.field());
        return e -> {
            String v = get.apply(e);
            return v != null && p.matcher(v).find();
        };
    }

    /** ILIKE '%needle%' without allocating: a region match at each start. */
    static boolean containsIgnoreCase(String hay, String needle) {
        if (hay == null) {
            return false;
        }
        int n = needle.length();
        int max = hay.length() - n;
        for (int i = 0; i <= max; i++) {
            if (hay.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
