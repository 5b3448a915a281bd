package io.watchpost.detect;

import io.watchpost.query.Filter;

import java.time.Duration;
import java.util.List;

/** What a rule looks for; each kind compiles to its own detector. Filters keep their text for display and export. */
public sealed interface RuleLogic {

    /** A single event matching the filter. */
    record Match(String filterText, Filter filter) implements RuleLogic {
    }

    enum Aggregate { COUNT, DISTINCT, SUM }

    /**
     * Within a sliding window, per group: the number of matching events, the number of distinct values of
     * {@code field}, or the sum of {@code field}, above {@code above}.
     */
    record Threshold(String filterText, Filter filter, Aggregate aggregate, String field, List<String> groupBy,
                     Duration window, double above) implements RuleLogic {
        public Threshold {
            groupBy = List.copyOf(groupBy);
        }
    }

    /** One step of a sequence: {@code count} matching events (at least one) before the next step may match. */
    record Step(String name, String filterText, Filter filter, int count) {
    }

    /** Steps in order, joined by the values of {@code by}, all within {@code within} of the first step. */
    record Sequence(List<String> by, Duration within, List<Step> steps) implements RuleLogic {
        public Sequence {
            by = List.copyOf(by);
            steps = List.copyOf(steps);
        }
    }

    /**
     * First-seen: a value of {@code field} never seen before for the group. Values seen during the first
     * {@code learn} of the stream form the baseline and raise nothing.
     */
    record NewValue(String filterText, Filter filter, String field, List<String> groupBy, Duration learn)
            implements RuleLogic {
        public NewValue {
            groupBy = List.copyOf(groupBy);
        }
    }

    /**
     * Rate anomaly: a group's count in the current {@code bucket} against its own last {@code history} buckets;
     * fires when the count is at least {@code minCount} and above {@code factor} × the mean, or {@code zScore}
     * standard deviations above it (when zScore > 0).
     */
    record Spike(String filterText, Filter filter, List<String> groupBy, Duration bucket, int history, double factor,
                 double zScore, long minCount) implements RuleLogic {
        public Spike {
            groupBy = List.copyOf(groupBy);
        }
    }
}
