package io.watchpost.sync;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Pushes the local cache's events into a shared PostgreSQL database, batch by batch, exactly once in effect.
 * <p>
 * Each batch is COPYed into a session-private staging table, merged into {@code events} with one
 * {@code INSERT … ON CONFLICT DO NOTHING}, committed in PostgreSQL, and only then recorded as pushed in the cache's
 * {@code sync_state}. A crash between those two commits re-sends one batch next time, and the merge ignores rows it
 * already holds; rows pushed by other workstations are ignored the same way.
 */
public final class PostgresSync {

    public static final int DEFAULT_BATCH_SIZE = 10_000;
    /** Days around today that get their own partition; see {@link DailyPartitions}. */
    static final int PARTITION_PAST_DAYS = 3650;
    static final int PARTITION_FUTURE_DAYS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSync.class);
    private static final long DAY_MILLIS = 86_400_000L;

    private static final String STAGING_COLUMNS = "log_group, event_id, log_stream, event_time_ms, ingest_time_ms, "
            + "source_type, severity, action, outcome, user_name, source_ip, message, raw, fields, parse_error";

    // A temp table: private to this session (so workstations never see each other's batches) and never WAL-logged.
    private static final String CREATE_STAGING = "CREATE TEMP TABLE IF NOT EXISTS events_staging ("
            + "log_group text, event_id text, log_stream text, event_time_ms bigint, ingest_time_ms bigint, "
            + "source_type text, severity text, action text, outcome text, user_name text, source_ip text, "
            + "message text, raw text, fields text, parse_error text)";

    // Milliseconds become TIMESTAMPTZ by integer interval arithmetic: exact, unlike a detour through float seconds.
    private static final String MERGE = "INSERT INTO events (log_group, event_id, log_stream, event_time, ingest_time, "
            + "source_type, severity, action, outcome, user_name, source_ip, message, raw, fields, parse_error, origin) "
            + "SELECT log_group, event_id, log_stream, "
            + "timestamptz 'epoch' + event_time_ms * interval '1 millisecond', "
            + "timestamptz 'epoch' + ingest_time_ms * interval '1 millisecond', "
            + "source_type, severity, action, outcome, user_name, source_ip, message, raw, fields::jsonb, parse_error, ? "
            + "FROM events_staging "
            + "ON CONFLICT (log_group, event_id, event_time) DO NOTHING";

    private static final String READ_BATCH = "SELECT log_group, event_id, log_stream, event_time, ingest_time, "
            + "source_type, severity, action, outcome, user_name, source_ip, message, raw, fields, parse_error "
            + "FROM events WHERE seq > ? AND seq <= ? ORDER BY seq";

    private final DataSource cache;
    private final PgTarget target;
    private final String origin;
    private final int batchSize;
    private final SyncState state;
    private final DailyPartitions partitions;
    private final Clock clock;
    private boolean migrated;

    /**
     * @param cache  the cache's data source ({@code Cache.dataSource()}), migrated so that it has {@code sync_state}
     * @param target where to push
     * @param origin names this workstation in the target's {@code origin} column
     */
    public PostgresSync(DataSource cache, PgTarget target, String origin) {
        this(cache, target, origin, DEFAULT_BATCH_SIZE, Clock.systemUTC());
    }

    public PostgresSync(DataSource cache, PgTarget target, String origin, int batchSize) {
        this(cache, target, origin, batchSize, Clock.systemUTC());
    }

    PostgresSync(DataSource cache, PgTarget target, String origin, int batchSize, Clock clock) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.cache = Objects.requireNonNull(cache, "cache");
        this.target = Objects.requireNonNull(target, "target");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.batchSize = batchSize;
        this.clock = clock;
        this.state = new SyncState(cache, target.key());
        this.partitions = new DailyPartitions(clock, PARTITION_PAST_DAYS, PARTITION_FUTURE_DAYS);
    }

    public PgTarget target() {
        return target;
    }

    /**
     * Pushes every event cached past the high-water mark when the call starts. Events arriving meanwhile wait for the
     * next call (they show up in {@link SyncReport#backlogRemaining()}), so a busy ingest cannot keep a push running.
     *
     * @throws SyncException when the target cannot be reached or refuses; batches committed before that stay pushed
     */
    public synchronized SyncReport pushOnce() {
        long started = System.nanoTime();
        long read = 0;
        long inserted = 0;
        try (Connection pg = connect()) {
            migrateOnce();
            prepareSession(pg);
            long mark = state.lastSeq();
            long until = maxSeq();
            while (mark < until) {
                long batchEnd = batchEnd(mark, until);
                BatchResult batch = pushBatch(pg, mark, batchEnd);
                // PostgreSQL has committed; only now may the cache believe it.
                state.markPushed(batchEnd, clock.millis());
                read += batch.read();
                inserted += batch.inserted();
                mark = batchEnd;
            }
            if (read == 0) {
                state.markPushed(mark, clock.millis()); // records the successful contact
            }
        } catch (SQLException | IOException | RuntimeException e) {
            SyncException failure = e instanceof SyncException se ? se : SyncFailures.of(target, "push", e);
            try {
                state.recordError(failure.getMessage(), clock.millis());
            } catch (SQLException stateFailure) {
                failure.addSuppressed(stateFailure);
            }
            LOG.warn("sync to {} failed after {} rows: {}", target.redacted(), read, failure.getMessage());
            throw failure;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        SyncReport report = new SyncReport(read, inserted, read - inserted, seconds, backlog());
        LOG.info("pushed {} events to {} ({} new, {} already there) in {} s", read, target.redacted(),
                inserted, read - inserted, String.format("%.2f", seconds));
        return report;
    }

    /** Cached events not yet pushed to this target. */
    public long backlog() {
        try {
            return state.backlog();
        } catch (SQLException e) {
            throw new SyncException("cannot read the sync state from the cache: " + e.getMessage(), e);
        }
    }

    private Connection connect() {
        Properties props = target.connectionProperties();
        // Defaults only: a value in the URL wins over these. Fail fast on an unreachable host instead of hanging.
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "watchpost-sync");
        try {
            return DriverManager.getConnection(target.jdbcUrl(), props);
        } catch (SQLException e) {
            throw SyncFailures.of(target, "connect", e);
        }
    }

    private void migrateOnce() {
        if (migrated) {
            return;
        }
        try {
            // The URL carries no credentials, so Flyway's own log lines and errors cannot show the password.
            Flyway.configure()
                    .dataSource(target.jdbcUrl(), target.user(), target.password())
                    .locations("classpath:db/pg")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw SyncFailures.of(target, "creating the schema", e);
        }
        migrated = true;
    }

    private static void prepareSession(Connection pg) throws SQLException {
        try (Statement st = pg.createStatement()) {
            // Room for a whole batch in memory; must be set before the session's first temp table access.
            st.execute("SET temp_buffers = '64MB'");
            st.execute(CREATE_STAGING);
        }
    }

    private long maxSeq() throws SQLException {
        try (Connection c = cache.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The seq of the last event in the next batch: seq has gaps, so count rows rather than add to the mark. */
    private long batchEnd(long after, long until) throws SQLException {
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT MAX(seq) FROM (SELECT seq FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?)")) {
            ps.setLong(1, after);
            ps.setLong(2, until);
            ps.setInt(3, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long end = rs.getLong(1);
                return rs.wasNull() ? until : end;
            }
        }
    }

    private record BatchResult(long read, long inserted) {
    }

    private BatchResult pushBatch(Connection pg, long after, long upTo) throws SQLException, IOException {
        try (Statement st = pg.createStatement()) {
            st.execute("TRUNCATE events_staging");
        }
        SortedSet<LocalDate> days = new TreeSet<>();
        long read = copyToStaging(pg, after, upTo, days);
        partitions.ensure(pg, days);
        pg.setAutoCommit(false);
        try (PreparedStatement merge = pg.prepareStatement(MERGE)) {
            merge.setString(1, origin);
            int inserted = merge.executeUpdate();
            pg.commit();
            return new BatchResult(read, inserted);
        } catch (SQLException | RuntimeException e) {
            pg.rollback();
            throw e;
        } finally {
            pg.setAutoCommit(true);
        }
    }

    /** Streams cached rows (after, upTo] into the staging table; collects the UTC days they fall on. */
    private long copyToStaging(Connection pg, long after, long upTo, SortedSet<LocalDate> days)
            throws SQLException, IOException {
        CopyIn copy = pg.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY events_staging (" + STAGING_COLUMNS + ") FROM STDIN");
        long rows = 0;
        try (Connection c = cache.getConnection(); PreparedStatement ps = c.prepareStatement(READ_BATCH)) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            ps.setFetchSize(1000);
            Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16);
            CopyTextWriter row = new CopyTextWriter(out);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long eventTime = rs.getLong(4);
                    days.add(LocalDate.ofEpochDay(Math.floorDiv(eventTime, DAY_MILLIS)));
                    row.text(rs.getString(1)).text(rs.getString(2)).text(rs.getString(3))
                            .number(eventTime).number(rs.getLong(5))
                            .text(rs.getString(6)).text(rs.getString(7)).text(rs.getString(8)).text(rs.getString(9))
                            .text(rs.getString(10)).text(rs.getString(11)).text(rs.getString(12)).text(rs.getString(13))
                            .text(FieldsJson.forJsonb(rs.getString(14))).text(rs.getString(15));
                    row.endRow();
                    rows++;
                }
            }
            out.close(); // flushes and ends the COPY
            return rows;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy(); // leaves the connection usable for the error path
            }
        }
    }
}
