package io.watchpost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.Rule;
import io.watchpost.detect.RuleSources;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The built-in rule pack in memory, one thread: the demo data set (pre-normalized, repeated two hours apart until
 * {@code events} long) through the indexed engine, beside the same rules without the dispatch index (every rule
 * looks at every event, a naive per-rule pass).
 */
public final class RulesBench {
    private static final String[] FILES = {"cloudtrail", "vpcflow", "auth", "lambda", "app"};

    private RulesBench() {
    }

    public static void run(PrintStream out) {
        run(out, 500_000, 3);
    }

    public static void run(PrintStream out, int events, int rounds) {
        List<Event> data = events(events);
        List<Rule> rules = RuleSources.builtIn().rules().stream().map(r -> r.withEnabled(true)).toList();
        double best = 0;
        double baseline = 0;
        long alerts = 0;
        for (int round = 0; round < rounds; round++) {
            baseline = Math.max(baseline, rate(data, () -> DetectionEngine.unindexed(rules)));
            double[] r = new double[1];
            long[] n = new long[1];
            best = Math.max(best, rateCounting(data, rules, n));
            alerts = n[0];
        }
        out.printf(Locale.ROOT, "rules: %d built-in rules over %,d events: engine %,.0f events/s, unindexed baseline %,.0f events/s, "
                + "ratio %.1f (target: >= 1,000,000 events/s; %d alert updates)%n", rules.size(), data.size(), best, baseline,
                best / baseline, alerts);
    }

    private static double rate(List<Event> data, Supplier<DetectionEngine> engine) {
        DetectionEngine e = engine.get();
        long start = System.nanoTime();
        for (Event ev : data) {
            e.accept(ev);
        }
        return data.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double rateCounting(List<Event> data, List<Rule> rules, long[] alerts) {
        DetectionEngine e = new DetectionEngine(rules);
        long n = 0;
        long start = System.nanoTime();
        for (Event ev : data) {
            n += e.accept(ev).size();
        }
        double r = data.size() / ((System.nanoTime() - start) / 1e9);
        alerts[0] = n;
        return r;
    }

    /** The demo data, normalized once, repeated with event times shifted by two hours per copy. */
    static List<Event> events(int count) {
        ObjectMapper json = new ObjectMapper();
        Normalizer normalizer = new Normalizer();
        List<Event> base = new ArrayList<>();
        for (String f : FILES) {
            try (InputStream in = RulesBench.class.getResourceAsStream("/sample-data/" + f + ".jsonl")) {
                if (in == null) {
                    throw new IllegalStateException("sample-data/" + f + ".jsonl is not on the class path");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                int i = 0;
                while ((line = r.readLine()) != null) {
                    JsonNode j = json.readTree(line);
                    base.add(normalizer.normalize(new RawLogEvent(j.get("logGroup").asText(), j.get("logStream").asText(),
                            f + "-" + i++, j.get("timestamp").asLong(), 0, j.get("message").asText())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        base.sort(Comparator.comparing(Event::eventTime));
        List<Event> out = new ArrayList<>(count);
        for (int copy = 0; out.size() < count; copy++) {
            Duration shift = Duration.ofHours(2L * copy);
            for (Event e : base) {
                if (out.size() == count) {
                    break;
                }
                out.add(copy == 0 ? e : new Event(e.eventTime().plus(shift), e.ingestTime(), e.logGroup(), e.logStream(),
                        e.eventId() + "-" + copy, e.sourceType(), e.severity(), e.action(), e.outcome(), e.user(),
                        e.sourceIp(), e.message(), e.raw(), e.fields(), e.parseError()));
            }
        }
        return out;
    }
}
