package io.watchpost.detect;

import io.watchpost.normalize.Event;
import io.watchpost.query.EventPredicates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Ordered steps joined by a key: per key, how far along the steps it is, since when, and the events so far. A key
 * whose first step is older than the span starts over.
 */
final class SequenceDetector implements Detector {
    private static final int MAX_REFS = 200;

    private final Rule rule;
    private final RuleLogic.Sequence logic;
    private final List<Predicate<Event>> steps = new ArrayList<>();
    private final GroupKey key;
    private final long withinMillis;
    private final Map<String, Progress> progress = new HashMap<>();
    private final Set<String> actions;
    private final Set<String> sourceTypes;

    SequenceDetector(Rule rule, RuleLogic.Sequence s) {
        this.rule = rule;
        this.logic = s;
        for (RuleLogic.Step st : s.steps()) {
            steps.add(EventPredicates.compile(st.filter()));
        }
        this.key = new GroupKey(s.by());
        this.withinMillis = s.within().toMillis();
        List<io.watchpost.query.Filter> filters = s.steps().stream().map(RuleLogic.Step::filter).toList();
        this.actions = DispatchKeys.union(filters, "action");
        this.sourceTypes = DispatchKeys.union(filters, "source_type");
    }

    private static final class Progress {
        int step;
        int count;
        long start;
        final List<EventRef> refs = new ArrayList<>();
    }

    @Override
    public void accept(Event e, List<Firing> out) {
        String k = null;
        long now = e.eventTime().toEpochMilli();
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (!steps.get(i).test(e)) {
                continue;
            }
            if (k == null) {
                k = key.of(e);
                if (k == null) {
                    return;
                }
            }
            Progress p = progress.get(k);
            if (p != null && now - p.start > withinMillis) {
                progress.remove(k);
                p = null;
            }
            boolean advances = p != null && (p.step == i || p.step + 1 == i && p.count >= logic.steps().get(p.step).count());
            if (!advances && (i != 0 || p != null && p.step > 0)) {
                continue; // a later step out of order, or a first step again while further along: keep progress
            }
            if (p == null || !advances) {
                p = new Progress();
                p.start = now;
                progress.put(k, p);
            }
            if (p.step != i) {
                p.step = i;
                p.count = 0;
            }
            p.count++;
            if (p.refs.size() < MAX_REFS) {
                p.refs.add(new EventRef(e.logGroup(), e.eventId()));
            }
            if (i == steps.size() - 1 && p.count >= logic.steps().get(i).count()) {
                out.add(new Firing(rule, k, Instant.ofEpochMilli(p.start), e.eventTime(), List.copyOf(p.refs),
                        "sequence " + String.join(" → ", logic.steps().stream().map(RuleLogic.Step::name).toList())
                                + " for " + k));
                progress.remove(k);
            }
            return;
        }
    }

    @Override
    public Rule rule() {
        return rule;
    }

    @Override
    public Set<String> actions() {
        return actions == null ? null : new HashSet<>(actions);
    }

    @Override
    public Set<String> sourceTypes() {
        return sourceTypes;
    }
}
