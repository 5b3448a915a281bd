package io.watchpost.store;

import java.util.List;
import java.util.Optional;

/**
 * A parameterized SQL condition over the {@code events} table. The text never contains user input: every value
 * travels in {@link #params()}.
 *
 * @param actionKey   the filter's top-level {@code event.action = …} (and {@code event.outcome = …}) conjuncts, when
 *                    it has them: every match then lies in a minute the action counts list
 * @param onlyActionKey whether those conjuncts are the whole filter: the counts then are the match counts
 */
public record SqlWhere(String sql, List<Object> params, Optional<ActionKey> actionKey, boolean onlyActionKey) {
    public static final SqlWhere ALL = new SqlWhere("TRUE", List.of());

    public SqlWhere {
        params = List.copyOf(params);
        if (actionKey.isEmpty() && onlyActionKey) {
            throw new IllegalArgumentException("onlyActionKey without an action key");
        }
    }

    public SqlWhere(String sql, List<Object> params) {
        this(sql, params, Optional.empty(), false);
    }
}
