package io.watchpost.detect;

import io.watchpost.normalize.Event;
import io.watchpost.query.EventPredicates;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Single-event rule: every matching event fires; suppression (by rule and user) keeps repeats in one alert. */
final class MatchDetector implements Detector {
    private final Rule rule;
    private final Predicate<Event> predicate;
    private final Set<String> actions;
    private final Set<String> sourceTypes;

    MatchDetector(Rule rule, RuleLogic.Match m) {
        this.rule = rule;
        this.predicate = EventPredicates.compile(m.filter());
        this.actions = DispatchKeys.required(m.filter(), "action");
        this.sourceTypes = DispatchKeys.required(m.filter(), "source_type");
    }

    @Override
    public Rule rule() {
        return rule;
    }

    @Override
    public void accept(Event e, List<Firing> out) {
        if (predicate.test(e)) {
            String who = e.user() != null ? "user=" + e.user() : e.sourceIp() != null ? "source.ip=" + e.sourceIp() : "";
            out.add(new Firing(rule, who, e.eventTime(), e.eventTime(), List.of(new EventRef(e.logGroup(), e.eventId())),
                    e.message()));
        }
    }

    @Override
    public Set<String> actions() {
        return actions;
    }

    @Override
    public Set<String> sourceTypes() {
        return sourceTypes;
    }
}
