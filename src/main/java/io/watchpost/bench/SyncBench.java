package io.watchpost.bench;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.source.emulator.InputLogEvent;
import io.watchpost.store.Cache;
import io.watchpost.sync.PgTarget;
import io.watchpost.sync.PlainCopy;
import io.watchpost.sync.PostgresSync;
import io.watchpost.sync.SyncReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Sync throughput against the plain baseline, in one run on one machine: the same cached rows COPYed into a plain
 * table ({@link PlainCopy}), and pushed by {@link PostgresSync#pushOnce()} into the partitioned, indexed, deduplicating
 * {@code events}. Rounds alternate the two and the best of each counts, so load from other processes distorts the
 * ratio as little as possible. Works in a fresh database of its own, dropped afterwards.
 * <p>
 * The server: env {@code WATCHPOST_BENCH_PG_URL}, else {@code WATCHPOST_TEST_PG_URL}, else the local default.
 */
public final class SyncBench {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private SyncBench() {
    }

    /** What the bench measured. */
    public record Result(long rows, double plainSeconds, double plainFromMemorySeconds, double syncSeconds) {
        /** Against the plain COPY of the cached rows: the number the goal is about. */
        public double ratio() {
            return plainSeconds / syncSeconds;
        }

        /** Against COPY of rows already rendered in memory: the server's side alone, a harder baseline. */
        public double ratioToServerOnly() {
            return plainFromMemorySeconds / syncSeconds;
        }
    }

    /** Runs the bench, printing each round; returns null (after saying why) when no PostgreSQL is reachable. */
    public static Result run(PrintStream out, Path dir, int events, int rounds) throws Exception {
        String url = firstNonBlank(System.getenv("WATCHPOST_BENCH_PG_URL"), System.getenv("WATCHPOST_TEST_PG_URL"), DEFAULT_URL);
        PgTarget maintenance = PgTarget.parse(url);
        String name = "wp_syncbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = maintenance.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0"); // name: letters and digits only
        } catch (SQLException e) {
            out.println("sync: skipped, PostgreSQL at " + maintenance.hosts() + " is not usable (set WATCHPOST_BENCH_PG_URL)");
            return null;
        }
        PgTarget target = maintenance.withDatabase(name);
        try (Cache cache = Cache.open(dir.resolve("sync-bench-cache"))) {
            fill(cache, events);
            byte[] rendered = PlainCopy.render(cache.dataSource());
            double plain = Double.MAX_VALUE;
            double memory = Double.MAX_VALUE;
            double sync = Double.MAX_VALUE;
            for (int round = 0; round <= rounds; round++) { // round 0 warms up and creates schema and partitions
                try (Connection pg = target.connect()) {
                    PlainCopy.prepare(pg);
                    checkpoint(pg);
                    long t0 = System.nanoTime();
                    long copied = PlainCopy.copyCache(cache.dataSource(), pg);
                    double p = (System.nanoTime() - t0) / 1e9;
                    PlainCopy.prepare(pg);
                    checkpoint(pg);
                    t0 = System.nanoTime();
                    PlainCopy.copyRendered(rendered, pg);
                    double m = (System.nanoTime() - t0) / 1e9;
                    try (Statement st = pg.createStatement()) {
                        st.execute("DO $$ BEGIN IF to_regclass('events') IS NOT NULL THEN TRUNCATE events; END IF; END $$");
                    }
                    checkpoint(pg);
                    try (Connection c = cache.dataSource().getConnection(); Statement st = c.createStatement()) {
                        st.execute("DELETE FROM sync_state");
                    }
                    SyncReport report = new PostgresSync(cache.dataSource(), target, "bench").pushOnce();
                    if (report.rowsInserted() != copied) {
                        throw new IllegalStateException("the push inserted " + report.rowsInserted() + " of " + copied + " rows");
                    }
                    out.printf(Locale.ROOT, "  sync round %d: plain COPY %5.2f s = %,8.0f rows/s; from memory %5.2f s = %,8.0f rows/s; "
                                    + "push %5.2f s = %,8.0f rows/s%s%n", round, p, copied / p, m, copied / m,
                            report.seconds(), copied / report.seconds(), round == 0 ? " (warm-up)" : "");
                    if (round > 0) {
                        plain = Math.min(plain, p);
                        memory = Math.min(memory, m);
                        sync = Math.min(sync, report.seconds());
                    }
                }
            }
            Result result = new Result(events, plain, memory, sync);
            out.printf(Locale.ROOT, "sync: push %,.0f rows/s, plain COPY %,.0f rows/s, ratio %.2f (goal: >= 0.5); "
                            + "against COPY from memory (server side only) %,.0f rows/s, ratio %.2f%n",
                    events / sync, events / plain, result.ratio(), events / memory, result.ratioToServerOnly());
            return result;
        } finally {
            try (Connection c = maintenance.connect(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static void checkpoint(Connection pg) {
        // Starts each timed step without the previous one's dirty pages; needs superuser or pg_checkpoint, else skipped.
        try (Statement st = pg.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException ignored) {
            // measured without it
        }
    }

    private static void fill(Cache cache, int events) {
        Normalizer normalizer = new Normalizer();
        List<InputLogEvent> input = SyntheticEvents.generate(events, System.currentTimeMillis() - 60_000, 7);
        List<Event> batch = new ArrayList<>(10_000);
        for (int i = 0; i < input.size(); i++) {
            InputLogEvent e = input.get(i);
            batch.add(normalizer.normalize(new RawLogEvent("/bench/sync", "stream-" + (i % 8), String.format("%056d", i),
                    e.timestamp(), e.timestamp() + 500, e.message())));
            if (batch.size() == 10_000) {
                cache.events().append(batch);
                batch.clear();
            }
        }
        cache.events().append(batch);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
