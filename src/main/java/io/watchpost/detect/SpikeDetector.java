package io.watchpost.detect;

import io.watchpost.normalize.Event;
import io.watchpost.query.EventPredicates;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** A group's count per bucket against its own recent buckets; one firing per bucket at most. */
final class SpikeDetector extends DispatchedDetector {
    private final RuleLogic.Spike logic;
    private final Predicate<Event> predicate;
    private final GroupKey key;
    private final long bucketMillis;
    private final Map<String, Series> series = new HashMap<>();

    SpikeDetector(Rule rule, RuleLogic.Spike s) {
        super(rule, DispatchKeys.required(s.filter(), "action"), DispatchKeys.required(s.filter(), "source_type"));
        this.logic = s;
        this.predicate = EventPredicates.compile(s.filter());
        this.key = new GroupKey(s.groupBy());
        this.bucketMillis = s.bucket().toMillis();
    }

    private static final class Series {
        long bucket = Long.MIN_VALUE;
        long count;
        boolean fired;
        final ArrayDeque<Long> history = new ArrayDeque<>();
        final List<EventRef> refs = new ArrayList<>();
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
        long now = e.eventTime().toEpochMilli();
        long bucket = Math.floorDiv(now, bucketMillis);
        Series s = series.computeIfAbsent(group, g -> new Series());
        if (s.bucket != bucket) {
            if (s.bucket != Long.MIN_VALUE) {
                push(s, s.count);
                // buckets with no events count as zero, up to the history length
                for (long b = s.bucket + 1; b < bucket && b - s.bucket <= logic.history(); b++) {
                    push(s, 0);
                }
            }
            s.bucket = bucket;
            s.count = 0;
            s.fired = false;
            s.refs.clear();
        }
        s.count++;
        if (s.refs.size() < 200) {
            s.refs.add(new EventRef(e.logGroup(), e.eventId()));
        }
        if (s.fired || s.count < logic.minCount() || s.history.size() < Math.min(3, logic.history())) {
            return;
        }
        double mean = s.history.stream().mapToLong(Long::longValue).average().orElse(0);
        double var = s.history.stream().mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(0);
        double sd = Math.sqrt(var);
        boolean byFactor = s.count > logic.factor() * Math.max(mean, 1);
        boolean byZ = logic.zScore() > 0 && sd > 0 && (s.count - mean) / sd > logic.zScore();
        if (byFactor || byZ) {
            s.fired = true;
            out.add(new Firing(rule(), group, Instant.ofEpochMilli(bucket * bucketMillis), e.eventTime(), List.copyOf(s.refs),
                    String.format(Locale.ROOT, "%d events in %s against a baseline of %.1f (sd %.1f)%s", s.count,
                            logic.bucket(), mean, sd, group.isEmpty() ? "" : " for " + group)));
        }
    }

    private void push(Series s, long n) {
        s.history.addLast(n);
        while (s.history.size() > logic.history()) {
            s.history.pollFirst();
        }
    }

}
