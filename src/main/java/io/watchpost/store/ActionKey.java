package io.watchpost.store;

import java.util.Objects;

/**
 * What the per-minute action counts ({@code rollup_action_minute}) can answer of a filter: {@code event.action = action}
 * and, when {@code outcome} is not null, {@code event.outcome = outcome}, both exact as the compiled SQL compares them.
 */
public record ActionKey(String action, String outcome) {
    public ActionKey {
        Objects.requireNonNull(action, "action");
    }
}
