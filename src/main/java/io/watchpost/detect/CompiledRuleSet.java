package io.watchpost.detect;

import io.watchpost.normalize.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The enabled rules as detectors, indexed by the event action or source type they need: an event is offered only to
 * the detectors listed under its action, under its source type, and to the few that need every event. Immutable
 * once built; the engine swaps whole sets.
 */
final class CompiledRuleSet {
    private static final Detector[] NONE = new Detector[0];

    final List<Rule> rules;
    final Map<String, Detector> byRuleId;
    private final Map<String, Detector[]> byAction;
    private final Map<String, Detector[]> bySourceType;
    private final Detector[] always;

    CompiledRuleSet(List<Rule> rules, Map<String, Detector> reuse) {
        this(rules, reuse, true);
    }

    /** {@code indexed = false} offers every event to every detector: the bench's baseline. */
    CompiledRuleSet(List<Rule> rules, Map<String, Detector> reuse, boolean indexed) {
        this.rules = List.copyOf(rules);
        Map<String, Detector> ids = new HashMap<>();
        Map<String, List<Detector>> action = new HashMap<>();
        Map<String, List<Detector>> type = new HashMap<>();
        List<Detector> rest = new ArrayList<>();
        for (Rule r : rules) {
            if (!r.enabled()) {
                continue;
            }
            Detector old = reuse.get(r.id());
            // an unchanged rule keeps its detector, and with it its windows, sequences and baselines
            Detector d = old != null && old.rule().equals(r) ? old : Detectors.compile(r);
            ids.put(r.id(), d);
            if (!indexed) {
                rest.add(d);
            } else if (d.actions() != null) {
                d.actions().forEach(a -> action.computeIfAbsent(a, k -> new ArrayList<>()).add(d));
            } else if (d.sourceTypes() != null) {
                d.sourceTypes().forEach(t -> type.computeIfAbsent(t, k -> new ArrayList<>()).add(d));
            } else {
                rest.add(d);
            }
        }
        this.byRuleId = Map.copyOf(ids);
        this.byAction = freeze(action);
        this.bySourceType = freeze(type);
        this.always = rest.toArray(NONE);
    }

    private static Map<String, Detector[]> freeze(Map<String, List<Detector>> m) {
        Map<String, Detector[]> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.toArray(NONE)));
        return out;
    }

    void accept(Event e, List<Firing> out) {
        if (e.action() != null) {
            Detector[] ds = byAction.get(e.action());
            if (ds != null) {
                for (Detector d : ds) {
                    d.accept(e, out);
                }
            }
        }
        if (e.sourceType() != null) {
            Detector[] ds = bySourceType.get(e.sourceType());
            if (ds != null) {
                for (Detector d : ds) {
                    d.accept(e, out);
                }
            }
        }
        for (Detector d : always) {
            d.accept(e, out);
        }
    }
}
