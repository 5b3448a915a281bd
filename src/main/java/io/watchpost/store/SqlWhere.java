package io.watchpost.store;

import java.util.List;

/**
 * A parameterized SQL condition over the {@code events} table. The text never contains user input: every value
 * travels in {@link #params()}.
 */
public record SqlWhere(String sql, List<Object> params) {
    public static final SqlWhere ALL = new SqlWhere("TRUE", List.of());

    public SqlWhere {
        params = List.copyOf(params);
    }
}
