package io.watchpost.query;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed filter: an immutable tree. Every leaf keeps the column where it starts, so the compiler can point at the
 * part it cannot compile (a time that is not a time, say).
 */
public sealed interface Filter {

    /** The empty filter: every event. */
    Filter ALL = new All();

    record All() implements Filter {
    }

    /** Every part holds. */
    record And(List<Filter> parts) implements Filter {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part holds. */
    record Or(List<Filter> parts) implements Filter {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Not(Filter inner) implements Filter {
    }

    /** {@code field op value}; a field the event does not have makes every operator false except {@code !=}. */
    record Comparison(String field, Operator op, String value, int column) implements Filter {
    }

    /** {@code field in [a, b]}: the field equals one of the values exactly. */
    record In(String field, List<String> values, int column) implements Filter {
        public In {
            values = List.copyOf(values);
        }
    }

    /** {@code field in 10.0.0.0/8}: the field is an IP address inside the block. */
    record InCidr(String field, Cidr network, int column) implements Filter {
    }

    /** {@code field matches /regex/}: Java regex, found anywhere in the value (anchor with ^ and $). */
    record Matches(String field, String regex, int column) implements Filter {
    }

    /** {@code field exists}: the event has the field (a column that is not null, or a key in the fields JSON). */
    record Exists(String field, int column) implements Filter {
    }

    /** A bare word or quoted phrase alone: the message contains it, ignoring case. */
    record FreeText(String text, int column) implements Filter {
    }

    enum Operator {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        CONTAINS("contains"), STARTS_WITH("startswith"), ENDS_WITH("endswith");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isOrdering() {
            return this == LT || this == LE || this == GT || this == GE;
        }

        /** The operator a symbol or word names ({@code ==} is {@code =}), case-insensitively. */
        public static Optional<Operator> named(String text) {
            String t = text.toLowerCase(Locale.ROOT);
            if (t.equals("==")) {
                return Optional.of(EQ);
            }
            for (Operator op : values()) {
                if (op.symbol.equals(t)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }
    }
}
