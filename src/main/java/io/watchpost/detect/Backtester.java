package io.watchpost.detect;

import javax.sql.DataSource;

/**
 * Runs one rule over a cache's events: what the Rules workspace asks for before a rule is enabled. An interface so
 * views can hold it without holding the database (they must not touch SQL).
 */
@FunctionalInterface
public interface Backtester {

    Backtest.Result run(Rule rule, int bucketCount, int maxMatches);

    /** Backtests over the events of {@code cache}. */
    static Backtester over(DataSource cache) {
        return (rule, bucketCount, maxMatches) -> Backtest.run(rule, cache, bucketCount, maxMatches);
    }
}
