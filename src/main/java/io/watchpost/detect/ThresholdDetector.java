package io.watchpost.detect;

import io.watchpost.normalize.Event;
import io.watchpost.query.EventPredicates;
import io.watchpost.store.QueryFunctions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Count, distinct count or sum per group over a sliding window. After firing, the group's window restarts, so one
 * burst is one firing (suppression then folds a long burst's later firings into the same alert).
 */
final class ThresholdDetector extends DispatchedDetector {
    private static final int MAX_REFS = 200;

    private final RuleLogic.Threshold logic;
    private final Predicate<Event> predicate;
    private final GroupKey key;
    private final Function<Event, String> field;
    private final long windowMillis;
    private final Map<String, Window> windows = new HashMap<>();

    ThresholdDetector(Rule rule, RuleLogic.Threshold t) {
        super(rule, DispatchKeys.required(t.filter(), "action"), DispatchKeys.required(t.filter(), "source_type"));
        this.logic = t;
        this.predicate = EventPredicates.compile(t.filter());
        this.key = new GroupKey(t.groupBy());
        this.field = t.field() == null ? null : EventPredicates.accessor(t.field());
        this.windowMillis = t.window().toMillis();
    }

    private record Entry(long time, String value, double amount, EventRef ref) {
    }

    /** One group's events inside the window, with the running aggregate. */
    private static final class Window {
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        final Map<String, Integer> distinct = new HashMap<>();
        double sum;
    }

    @Override
    public void accept(Event e, List<Firing> out) {
        if (!predicate.test(e)) {
            return;
        }
        String group = key.of(e);
        if (group == null) {
            return;
        }
        String value = field == null ? null : field.apply(e);
        double amount = 0;
        if (logic.aggregate() == RuleLogic.Aggregate.SUM) {
            Double d = QueryFunctions.number(value);
            if (d == null) {
                return;
            }
            amount = d;
        } else if (logic.aggregate() == RuleLogic.Aggregate.DISTINCT && value == null) {
            return;
        }
        long now = e.eventTime().toEpochMilli();
        Window w = windows.computeIfAbsent(group, g -> new Window());
        while (!w.entries.isEmpty() && w.entries.peekFirst().time() <= now - windowMillis) {
            remove(w, w.entries.pollFirst());
        }
        Entry entry = new Entry(now, value, amount, new EventRef(e.logGroup(), e.eventId()));
        w.entries.addLast(entry);
        w.sum += amount;
        if (value != null) {
            w.distinct.merge(value, 1, Integer::sum);
        }
        double current = switch (logic.aggregate()) {
            case COUNT -> w.entries.size();
            case DISTINCT -> w.distinct.size();
            case SUM -> w.sum;
        };
        if (current > logic.above()) {
            List<EventRef> refs = new ArrayList<>();
            for (Entry x : w.entries) {
                if (refs.size() < MAX_REFS) {
                    refs.add(x.ref());
                }
            }
            String what = switch (logic.aggregate()) {
                case COUNT -> String.format(Locale.ROOT, "%.0f events", current);
                case DISTINCT -> String.format(Locale.ROOT, "%.0f distinct %s", current, logic.field());
                case SUM -> String.format(Locale.ROOT, "sum of %s %.0f", logic.field(), current);
            };
            out.add(new Firing(rule(), group, java.time.Instant.ofEpochMilli(w.entries.peekFirst().time()), e.eventTime(),
                    refs, what + " within " + logic.window() + " (above " + (long) logic.above() + ")"
                    + (group.isEmpty() ? "" : " for " + group)));
            windows.remove(group);
        }
    }

    private static void remove(Window w, Entry x) {
        w.sum -= x.amount();
        if (x.value() != null) {
            w.distinct.computeIfPresent(x.value(), (k, n) -> n == 1 ? null : n - 1);
        }
    }

}
