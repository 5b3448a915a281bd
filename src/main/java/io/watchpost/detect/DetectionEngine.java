package io.watchpost.detect;

import io.watchpost.normalize.Event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs rules over events in event-time order. One thread feeds {@link #accept}; any thread may change the rules
 * ({@link #replaceRules}, {@link #setEnabled}, {@link #putRule}): the compiled set is immutable and swapped
 * atomically, and unchanged rules keep their state across swaps, so edits take effect on the next event.
 */
public final class DetectionEngine {
    private static final int MAX_REFS = 200;

    private final AtomicReference<CompiledRuleSet> current;
    private final List<Firing> firings = new ArrayList<>();
    /** The open alert per rule and group, for folding repeats within the rule's suppression window. */
    private final Map<String, Alert> open = new HashMap<>();

    public DetectionEngine(List<Rule> rules) {
        this.current = new AtomicReference<>(new CompiledRuleSet(rules, Map.of()));
    }

    private DetectionEngine(CompiledRuleSet set) {
        this.current = new AtomicReference<>(set);
    }

    /** The same rules without the dispatch index (every rule sees every event): the benchmark's baseline. */
    public static DetectionEngine unindexed(List<Rule> rules) {
        return new DetectionEngine(new CompiledRuleSet(rules, Map.of(), false));
    }

    public List<Rule> rules() {
        return current.get().rules;
    }

    /** Installs a new rule list atomically. */
    public synchronized void replaceRules(List<Rule> rules) {
        current.set(new CompiledRuleSet(rules, current.get().byRuleId));
    }

    public synchronized void setEnabled(String ruleId, boolean enabled) {
        List<Rule> next = new ArrayList<>();
        for (Rule r : rules()) {
            next.add(r.id().equals(ruleId) ? r.withEnabled(enabled) : r);
        }
        replaceRules(next);
    }

    /** Adds the rule, or replaces the one with its id (an edit). */
    public synchronized void putRule(Rule rule) {
        List<Rule> next = new ArrayList<>();
        boolean replaced = false;
        for (Rule r : rules()) {
            if (r.id().equals(rule.id())) {
                next.add(rule);
                replaced = true;
            } else {
                next.add(r);
            }
        }
        if (!replaced) {
            next.add(rule);
        }
        replaceRules(next);
    }

    /**
     * Feeds one event; returns the alerts it raised or updated (an update has the same id as before, a later
     * lastTime and more firings). Not thread-safe: one feeding thread.
     */
    public List<Alert> accept(Event e) {
        current.get().accept(e, firings);
        if (firings.isEmpty()) {
            return List.of();
        }
        List<Alert> out = new ArrayList<>(firings.size());
        for (Firing f : firings) {
            out.add(fold(f));
        }
        firings.clear();
        return out;
    }

    /** Runs a whole batch and returns each alert in its final state, in order of first appearance. */
    public List<Alert> run(Iterable<Event> events) {
        Map<String, Alert> latest = new LinkedHashMap<>();
        for (Event e : events) {
            for (Alert a : accept(e)) {
                latest.put(a.id(), a);
            }
        }
        return new ArrayList<>(latest.values());
    }

    private Alert fold(Firing f) {
        Rule r = f.rule();
        String key = r.id() + "\u0000" + f.groupKey();
        Alert prev = open.get(key);
        if (prev != null && !f.first().isAfter(prev.lastTime().plus(r.suppress()))) {
            List<EventRef> refs = new ArrayList<>(prev.events());
            for (EventRef x : f.events()) {
                if (refs.size() >= MAX_REFS) {
                    break;
                }
                if (!refs.contains(x)) {
                    refs.add(x);
                }
            }
            Alert folded = new Alert(prev.id(), prev.ruleId(), prev.ruleTitle(), prev.severity(), prev.author(),
                    prev.tags(), prev.groupKey(), prev.firstTime(), f.last().isAfter(prev.lastTime()) ? f.last()
                    : prev.lastTime(), prev.firings() + 1, refs, prev.summary());
            open.put(key, folded);
            return folded;
        }
        String id = UUID.nameUUIDFromBytes((key + "\u0000" + f.first().toEpochMilli())
                .getBytes(StandardCharsets.UTF_8)).toString();
        Alert a = new Alert(id, r.id(), r.title(), r.severity(), r.author(), r.tags(), f.groupKey(), f.first(), f.last(),
                1, f.events(), f.summary());
        open.put(key, a);
        return a;
    }
}
