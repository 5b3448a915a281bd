package io.watchpost.detect;

import io.watchpost.normalize.Event;
import io.watchpost.query.EventPredicates;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * First-seen values per group, after a learning span measured from the first event this rule saw. Only groups
 * with history count: the first value of a group never seen before is its baseline.
 */
final class NewValueDetector extends DispatchedDetector {
    private final RuleLogic.NewValue logic;
    private final Predicate<Event> predicate;
    private final GroupKey key;
    private final Function<Event, String> field;
    private final Map<String, Set<String>> seen = new HashMap<>();
    private long learnUntil = Long.MIN_VALUE;

    NewValueDetector(Rule rule, RuleLogic.NewValue n) {
        super(rule, DispatchKeys.required(n.filter(), "action"), DispatchKeys.required(n.filter(), "source_type"));
        this.logic = n;
        this.predicate = EventPredicates.compile(n.filter());
        this.key = new GroupKey(n.groupBy());
        this.field = EventPredicates.accessor(n.field());
    }

    @Override
    public void accept(Event e, List<Firing> out) {
        if (!predicate.test(e)) {
            return;
        }
        String group = key.of(e);
        String value = field.apply(e);
        if (group == null || value == null) {
            return;
        }
        long now = e.eventTime().toEpochMilli();
        if (learnUntil == Long.MIN_VALUE) {
            learnUntil = now + logic.learn().toMillis();
        }
        Set<String> known = seen.computeIfAbsent(group, g -> new HashSet<>());
        // a group with no history yet (a user's very first sign-in) has no baseline to be new against
        boolean hadHistory = !known.isEmpty();
        boolean added = known.add(value);
        if (added && hadHistory && now >= learnUntil) {
            out.add(new Firing(rule(), group, e.eventTime(), e.eventTime(), List.of(new EventRef(e.logGroup(), e.eventId())),
                    "first " + logic.field() + "=" + value + (group.isEmpty() ? "" : " for " + group)));
        }
    }

}
