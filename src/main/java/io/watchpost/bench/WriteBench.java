package io.watchpost.bench;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.source.emulator.InputLogEvent;
import io.watchpost.store.Cache;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What each of the cache's secondary indexes costs the writer: the same pre-normalized events appended to a fresh
 * cache as shipped, to one without each index (or unique constraint) in turn, and to one with the primary key alone
 * (the baseline), in alternating rounds in one process. Runs of one variant at a time drift by a fifth within an hour
 * on a shared VM, too much to decide a schema question. Round-robin keeps the ratios honest.
 */
public final class WriteBench {

    private static final int BATCH = 5_000;
    /** CloudWatch eventIds are 56 digits with long shared prefixes, which is what the duplicate check hashes. */
    private static final String ID_PREFIX = "3751644415937181422181113103554065856529";
    private static final String[] GROUPS = {"/aws/cloudtrail/management", "/vpc/flow-logs", "/ec2/secure", "/ecs/payments-api"};

    private WriteBench() {
    }

    /** One way to build the events table: a name and the DDL that takes the cache as shipped there. */
    record Variant(String name, List<String> ddl) {
    }

    /** Best events/s of each variant, in the order they ran. */
    public static Map<String, Double> run(PrintStream out, Path dir, int events, int rounds) throws Exception {
        List<Event> input = normalized(events);
        List<Variant> variants = variants(dir);
        Map<String, Double> best = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "write: %,d pre-normalized events per run in batches of %,d, EventStore.append into a fresh cache; "
                + "round 0 warms up%n", events, BATCH);
        for (int round = 0; round <= rounds; round++) {
            for (Variant v : variants) {
                double rate = appendRate(dir.resolve("write-" + round + "-" + v.name().replaceAll("[^A-Za-z0-9]", "_")), v, input);
                out.printf(Locale.ROOT, "  round %d: %-40s %,10.0f events/s%n", round, v.name(), rate);
                if (round > 0) {
                    best.merge(v.name(), rate, Math::max);
                }
            }
        }
        double shipped = best.get(variants.get(0).name());
        double baseline = best.get(variants.get(variants.size() - 1).name());
        out.println("  best of each; the cost of an index is the time per event it adds to the cache as shipped:");
        for (Map.Entry<String, Double> e : best.entrySet()) {
            out.printf(Locale.ROOT, "  %-40s %,10.0f events/s  %5.1f us/event  %s%n", e.getKey(), e.getValue(), 1e6 / e.getValue(),
                    e.getKey().startsWith("without ") ? String.format(Locale.ROOT, "(index costs %.1f us/event)",
                            1e6 / shipped - 1e6 / e.getValue()) : "");
        }
        out.printf(Locale.ROOT, "write: cache as shipped %,.0f events/s, primary key only %,.0f events/s, ratio %.2f%n",
                shipped, baseline, shipped / baseline);
        return best;
    }

    /** As shipped, without each unique constraint and each plain index of the events table, then the primary key alone. */
    private static List<Variant> variants(Path dir) throws SQLException, java.io.IOException {
        List<String> names = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        try (Cache probe = Cache.open(dir.resolve("write-probe")); Connection c = probe.dataSource().getConnection()) {
            for (String constraint : names(c, "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                    + "WHERE TABLE_NAME = 'EVENTS' AND CONSTRAINT_TYPE = 'UNIQUE' ORDER BY CONSTRAINT_NAME")) {
                names.add(constraint);
                drops.add("ALTER TABLE events DROP CONSTRAINT \"" + constraint + "\"");
            }
            for (String index : names(c, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                    + "WHERE TABLE_NAME = 'EVENTS' AND INDEX_TYPE_NAME = 'INDEX' ORDER BY INDEX_NAME")) {
                names.add(index);
                drops.add("DROP INDEX \"" + index + "\"");
            }
        } finally {
            deleteCacheFiles(dir, "write-probe");
        }
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("cache as shipped", List.of()));
        for (int i = 0; i < drops.size(); i++) {
            variants.add(new Variant("without " + names.get(i).toLowerCase(Locale.ROOT), List.of(drops.get(i))));
        }
        variants.add(new Variant("primary key only (baseline)", drops));
        return variants;
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static double appendRate(Path file, Variant variant, List<Event> input) throws Exception {
        try (Cache cache = Cache.open(file)) {
            try (Connection c = cache.dataSource().getConnection(); Statement st = c.createStatement()) {
                for (String ddl : variant.ddl()) {
                    st.execute(ddl); // names read from the schema just above, quoted; no input
                }
            }
            long t0 = System.nanoTime();
            for (int from = 0; from < input.size(); from += BATCH) {
                cache.events().append(input.subList(from, Math.min(input.size(), from + BATCH)));
            }
            double rate = input.size() / ((System.nanoTime() - t0) / 1e9);
            if (cache.events().count() != input.size()) { // each variant must store every event, or it measures less work
                throw new IllegalStateException(variant.name() + " stored " + cache.events().count() + " of " + input.size() + " events");
            }
            return rate;
        } finally {
            deleteCacheFiles(file.getParent(), file.getFileName().toString());
        }
    }

    /** The bench mix, normalized once: each run then measures the store alone. */
    private static List<Event> normalized(int count) {
        Normalizer normalizer = new Normalizer();
        List<InputLogEvent> raw = SyntheticEvents.generate(count, System.currentTimeMillis() - 60_000, 11);
        List<Event> out = new ArrayList<>(count);
        for (int i = 0; i < raw.size(); i++) {
            InputLogEvent e = raw.get(i);
            out.add(normalizer.normalize(new RawLogEvent(GROUPS[i % GROUPS.length], "stream-" + (i % 8),
                    ID_PREFIX + String.format("%016d", i), e.timestamp(), e.timestamp() + 500, e.message())));
        }
        return out;
    }

    /** H2 keeps a cache as flat files named after it ({@code name.mv.db}, {@code name.trace.db}). */
    private static void deleteCacheFiles(Path dir, String name) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(name + ".")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
