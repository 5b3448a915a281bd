package io.watchpost.sync;

import io.watchpost.store.Cache;
import io.watchpost.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Measures {@link PostgresSync#pushOnce()} against plain COPY of the same rows into an unpartitioned, unindexed table.
 * Prints numbers, asserts only correctness. Slow (it first fills a cache with 200,000 events), so it runs only with
 * {@code -Dwatchpost.bench=true} or env {@code WATCHPOST_BENCH=1}; {@code -Dwatchpost.bench.rows=N} changes the size.
 */
class SyncThroughputTest {

    private static final String PLAIN_TABLE = "CREATE TABLE plain_events (log_group text, event_id text, log_stream text, "
            + "event_time timestamptz, ingest_time timestamptz, source_type text, severity text, action text, "
            + "outcome text, user_name text, source_ip text, message text, raw text, fields jsonb, parse_error text)";

    @TempDir
    Path dir;

    @Test
    void pushOnceAgainstPlainCopy() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("watchpost.bench") || "1".equals(System.getenv("WATCHPOST_BENCH")),
                "benchmark: run with -Dwatchpost.bench=true");
        int rows = Integer.getInteger("watchpost.bench.rows", 200_000);
        int rounds = Integer.getInteger("watchpost.bench.rounds", 4);
        try (PostgresTestDatabase db = PostgresTestDatabase.create(); Cache cache = Cache.open(dir.resolve("cache"))) {
            long t0 = System.nanoTime();
            for (int i = 0; i < rows; i += 10_000) {
                cache.events().append(TestEvents.generate("/aws/bench", i, Math.min(10_000, rows - i), 7));
            }
            System.out.printf("filled the cache with %,d events in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);

            // Rounds alternate the baselines and the sync, and each keeps its best time, so that load from other
            // processes on the machine distorts the comparison as little as possible.
            double plainFromCache = Double.MAX_VALUE;
            double plainFromMemory = Double.MAX_VALUE;
            double push = Double.MAX_VALUE;
            byte[] rendered = render(cache);
            PgTarget target = PgTarget.parse(db.url());
            new PostgresSync(cache.dataSource(), target, "warm-up", PostgresSync.DEFAULT_BATCH_SIZE).backlog();
            try (Connection pg = db.connect(); Statement st = pg.createStatement()) {
                st.execute(PLAIN_TABLE);
            }
            for (int round = 0; round < rounds; round++) {
                try (Connection pg = db.connect(); Statement st = pg.createStatement()) {
                    // Baseline 1: the same rows read from the cache and COPYed straight into a plain table.
                    st.execute("TRUNCATE plain_events");
                    st.execute("CHECKPOINT");
                    long s = System.nanoTime();
                    render(cache, pg);
                    plainFromCache = Math.min(plainFromCache, (System.nanoTime() - s) / 1e9);
                    // Baseline 2: only the server's side, rows already rendered in memory.
                    st.execute("TRUNCATE plain_events");
                    st.execute("CHECKPOINT");
                    s = System.nanoTime();
                    long copied = pg.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY plain_events FROM STDIN", new ByteArrayInputStream(rendered));
                    plainFromMemory = Math.min(plainFromMemory, (System.nanoTime() - s) / 1e9);
                    assertEquals(rows, copied);
                    // The sync, into an empty target with its partitions already there (as on any day but the first).
                    st.execute("DO $$ BEGIN IF to_regclass('events') IS NOT NULL THEN TRUNCATE events; END IF; END $$");
                    st.execute("CHECKPOINT");
                }
                try (Connection c = cache.dataSource().getConnection(); Statement st = c.createStatement()) {
                    st.execute("DELETE FROM sync_state");
                }
                SyncReport report = new PostgresSync(cache.dataSource(), target, "bench").pushOnce();
                assertEquals(rows, report.rowsInserted());
                System.out.printf("round %d: best so far plain from cache %.2f s, plain from memory %.2f s; pushOnce %.2f s%n",
                        round + 1, plainFromCache, plainFromMemory, report.seconds());
                if (round > 0) { // round 1 also creates the schema and the partitions
                    push = Math.min(push, report.seconds());
                }
            }

            System.out.printf("%,d rows, %.0f MB as COPY text%n", rows, rendered.length / 1e6);
            System.out.printf("plain COPY, rendered rows from memory : %8.0f rows/s%n", rows / plainFromMemory);
            System.out.printf("plain COPY, read from the cache       : %8.0f rows/s%n", rows / plainFromCache);
            System.out.printf("pushOnce (staging + merge, partitions): %8.0f rows/s%n", rows / push);
            System.out.printf("ratio pushOnce / plain COPY from cache : %.2f%n", plainFromCache / push);
            System.out.printf("ratio pushOnce / plain COPY from memory: %.2f%n", plainFromMemory / push);
        }
    }

    /** The cache's rows as COPY text for plain_events, in memory. */
    private static byte[] render(Cache cache) throws SQLException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writeRows(cache, out);
        }
        return bytes.toByteArray();
    }

    /** Streams the cache's rows into plain_events with one COPY. */
    private static void render(Cache cache, Connection pg) throws SQLException, IOException {
        try (Writer out = new java.io.BufferedWriter(new OutputStreamWriter(new org.postgresql.copy.PGCopyOutputStream(
                pg.unwrap(PGConnection.class), "COPY plain_events FROM STDIN", 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            writeRows(cache, out);
        }
    }

    private static void writeRows(Cache cache, Writer out) throws SQLException, IOException {
        CopyTextWriter row = new CopyTextWriter(out);
        try (Connection c = cache.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT log_group, event_id, log_stream, event_time, ingest_time, "
                     + "source_type, severity, action, outcome, user_name, source_ip, message, raw, fields, parse_error "
                     + "FROM events ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.text(rs.getString(1)).text(rs.getString(2)).text(rs.getString(3))
                        .text(Instant.ofEpochMilli(rs.getLong(4)).toString())
                        .text(Instant.ofEpochMilli(rs.getLong(5)).toString());
                for (int i = 6; i <= 15; i++) {
                    row.text(rs.getString(i));
                }
                row.endRow();
            }
        }
    }
}
