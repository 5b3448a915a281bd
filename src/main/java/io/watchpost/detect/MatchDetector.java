package io.watchpost.detect;

import io.watchpost.normalize.Event;
import io.watchpost.query.EventPredicates;

import java.util.List;
import java.util.function.Predicate;

/** Single-event rule: every matching event fires; suppression (by rule and user) keeps repeats in one alert. */
final class MatchDetector extends DispatchedDetector {
    private final Predicate<Event> predicate;

    MatchDetector(Rule rule, RuleLogic.Match m) {
        super(rule, DispatchKeys.required(m.filter(), "action"), DispatchKeys.required(m.filter(), "source_type"));
        this.predicate = EventPredicates.compile(m.filter());
    }

    @Override
    public void accept(Event e, List<Firing> out) {
        if (predicate.test(e)) {
            String who = e.user() != null ? "user=" + e.user() : e.sourceIp() != null ? "source.ip=" + e.sourceIp() : "";
            out.add(new Firing(rule(), who, e.eventTime(), e.eventTime(), List.of(new EventRef(e.logGroup(), e.eventId())),
                    e.message()));
        }
    }

}
