package io.watchpost.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.source.emulator.InputLogEvent;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Normalizer parse rate per format, in-process and single-threaded, beside a baseline that does the least any
 * ingester must do with the same text: Jackson {@code readTree} for JSON, {@code String.split} for line formats.
 * Each format runs a few hundred thousand events after a warm-up; the best of the rounds is printed.
 */
public final class ParseRateBench {

    private static final int POOL = 4096;
    private static final int ROUNDS = 3;

    private ParseRateBench() {
    }

    public static void run(PrintStream out) {
        run(out, 300_000);
    }

    public static void run(PrintStream out, int eventsPerFormat) {
        long t0 = 1_763_971_200_000L;
        List<InputLogEvent> mix = SyntheticEvents.generate(POOL * 4, t0 + POOL * 4L, 42);
        List<String> cloudTrail = every(mix, 0);
        List<String> vpc = every(mix, 1);
        List<String> syslog = every(mix, 2);
        List<String> app = every(mix, 3);
        Random r = new Random(7);
        List<String> lambda = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            String id = new java.util.UUID(r.nextLong(), r.nextLong()).toString();
            lambda.add(switch (i % 3) {
                case 0 -> "START RequestId: " + id + " Version: $LATEST\n";
                case 1 -> "END RequestId: " + id + "\n";
                default -> "REPORT RequestId: " + id + "\tDuration: " + r.nextInt(900) + "." + r.nextInt(99)
                        + " ms\tBilled Duration: " + (r.nextInt(900) + 1) + " ms\tMemory Size: 512 MB\tMax Memory Used: "
                        + (60 + r.nextInt(100)) + " MB\t" + (r.nextInt(10) == 0 ? "Init Duration: 312.55 ms\t" : "") + "\n";
            });
            text.add("worker-" + r.nextInt(16) + " processed batch " + r.nextInt(100_000) + " in " + r.nextInt(500)
                    + " ms" + (r.nextInt(10) == 0 ? " ERROR retry scheduled" : ""));
            String ct = cloudTrail.get(i);
            malformed.add(ct.substring(0, 1 + r.nextInt(ct.length() - 2)));
        }
        ObjectMapper mapper = new ObjectMapper();
        Normalizer normalizer = new Normalizer();
        out.printf(Locale.ROOT, "parse rate per format (1 thread, %,d events each after warm-up; baseline = %s):%n",
                eventsPerFormat, "Jackson readTree for JSON, String.split for lines");
        measure(out, "cloudtrail", cloudTrail, eventsPerFormat, normalizer, s -> json(mapper, s));
        measure(out, "vpcflow", vpc, eventsPerFormat, normalizer, s -> s.split(" ").length);
        measure(out, "syslog", syslog, eventsPerFormat, normalizer, s -> s.split(" ").length);
        measure(out, "lambda", lambda, eventsPerFormat, normalizer, s -> s.split("\t").length);
        measure(out, "app json", app, eventsPerFormat, normalizer, s -> json(mapper, s));
        measure(out, "text", text, eventsPerFormat, normalizer, s -> s.split(" ").length);
        measure(out, "malformed", malformed, eventsPerFormat, normalizer, s -> json(mapper, s));
    }

    private static List<String> every(List<InputLogEvent> mix, int offset) {
        List<String> out = new ArrayList<>();
        for (int i = offset; i < mix.size(); i += 4) {
            out.add(mix.get(i).message());
        }
        return out;
    }

    private static int json(ObjectMapper mapper, String s) {
        try {
            return mapper.readTree(s).size();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void measure(PrintStream out, String name, List<String> pool, int events, Normalizer normalizer,
                                ToIntFunction<String> baseline) {
        List<RawLogEvent> raws = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            raws.add(new RawLogEvent("/bench/" + name, "s", Integer.toString(i), 1_763_971_200_000L + i, 0, pool.get(i)));
        }
        long sink = 0;
        double best = 0;
        double bestBase = 0;
        int errors = 0;
        for (int round = 0; round <= ROUNDS; round++) {
            int n = round == 0 ? Math.max(50_000, events / 2) : events; // round 0 is warm-up
            long start = System.nanoTime();
            int err = 0;
            for (int i = 0; i < n; i++) {
                Event e = normalizer.normalize(raws.get(i % raws.size()));
                sink += e.fields().size();
                err += e.hasParseError() ? 1 : 0;
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += baseline.applyAsInt(pool.get(i % pool.size()));
            }
            double baseRate = n / ((System.nanoTime() - start) / 1e9);
            if (round > 0) {
                best = Math.max(best, rate);
                bestBase = Math.max(bestBase, baseRate);
                errors = err;
            }
        }
        out.printf(Locale.ROOT, "  %-10s watchpost %,10.0f events/s   baseline %,10.0f events/s   ratio %.2f   parse errors %d%s%n",
                name, best, bestBase, best / bestBase, errors, sink == 42 ? " " : "");
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 300_000);
    }
}
