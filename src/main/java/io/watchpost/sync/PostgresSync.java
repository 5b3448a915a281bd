package io.watchpost.sync;

import io.watchpost.background.BackgroundThreads;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    // fields is parsed as JSONB here, during COPY, which overlaps the other session's merge, rather than in the merge.
    private static final String CREATE_STAGING = "CREATE TEMP TABLE IF NOT EXISTS events_staging ("
            + "log_group text, event_id text, log_stream text, event_time_ms bigint, ingest_time_ms bigint, "
            + "source_type text, severity text, action text, outcome text, user_name text, source_ip text, "
            + "message text, raw text, fields jsonb, parse_error text)";

    // Milliseconds become TIMESTAMPTZ by integer interval arithmetic: exact, unlike a detour through float seconds.
    private static final String STAGED_ROWS = "SELECT s.log_group, s.event_id, s.log_stream, "
            + "timestamptz 'epoch' + s.event_time_ms * interval '1 millisecond' AS event_time, "
            + "timestamptz 'epoch' + s.ingest_time_ms * interval '1 millisecond' AS ingest_time, "
            + "s.source_type, s.severity, s.action, s.outcome, s.user_name, s.source_ip, s.message, s.raw, "
            + "s.fields, s.parse_error, ?::text "
            + "FROM events_staging s";

    private static final String INSERT = "INSERT INTO events (log_group, event_id, log_stream, event_time, ingest_time, "
            + "source_type, severity, action, outcome, user_name, source_ip, message, raw, fields, parse_error, origin) ";

    /*
     * Rows the target already holds (another workstation's, or a batch re-sent after a crash) are skipped, in one of
     * two ways. ON CONFLICT DO NOTHING is always right, but makes every row a speculative insertion, which measured
     * about a fifth slower than a plain insert. So a batch is first merged with an anti-join (skip what is there, insert
     * the rest plainly). Only if another workstation commits one of those rows in the meantime does that insert hit
     * the unique constraint; the batch is then merged again with ON CONFLICT DO NOTHING.
     */
    /*
     * The fast merge goes straight into the day's partition: routing each row through the partitioned parent, and
     * probing the parent's unique index with run-time pruning, cost about a quarter of the merge (measured: 200,000
     * rows 3.2 s via the parent, 2.4 s into the partition). {0} is the target table, the day's partition when it
     * exists, else the parent; the two ? bound the staged rows to that day.
     */
    private static final String MERGE_FAST_INTO = "INSERT INTO {0} (log_group, event_id, log_stream, event_time, "
            + "ingest_time, source_type, severity, action, outcome, user_name, source_ip, message, raw, fields, "
            + "parse_error, origin) " + STAGED_ROWS + " WHERE s.event_time_ms >= ? AND s.event_time_ms < ? "
            + "AND NOT EXISTS (SELECT 1 FROM {0} e "
            + "WHERE e.event_time = timestamptz 'epoch' + s.event_time_ms * interval '1 millisecond' "
            + "AND e.log_group = s.log_group AND e.event_id = s.event_id)";

    private static final String MERGE_SAFE = INSERT + STAGED_ROWS
            + " ON CONFLICT (event_time, log_group, event_id) DO NOTHING";

    private static final String UNIQUE_VIOLATION = "23505";

    private static final String READ_BATCH = "SELECT log_group, event_id, log_stream, event_time, ingest_time, "
            + "source_type, severity, action, outcome, user_name, source_ip, message, raw, fields, parse_error "
            + ", seq FROM events WHERE seq > ? AND seq <= ? ORDER BY seq";

    private final DataSource cache;
    private final PgTarget target;
    private final String origin;
    private final int batchSize;
    private final SyncState state;
    private final DailyPartitions partitions;
    private final Clock clock;
    private final PulledRanges pulled;
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
        this.pulled = new PulledRanges(cache, target.key());
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
    public SyncReport pushOnce() {
        return pushOnce(PushProgress.NONE);
    }

    /**
     * As {@link #pushOnce()}, telling {@code progress} about each committed batch and asking it before each batch
     * whether to stop (a service shutting down stops between batches, never inside one).
     */
    public synchronized SyncReport pushOnce(PushProgress progress) {
        long started = System.nanoTime();
        Totals totals = new Totals();
        // Two sessions, each with its own staging table: while one merges batch k, the other is already being filled
        // with batch k+1 from the cache, so reading the cache and COPY overlap the merge, the slowest step.
        try (Connection first = connect(); Connection second = connect()) {
            migrateOnce();
            prepareSession(first);
            prepareSession(second);
            pushAll(new Connection[]{first, second}, totals, progress);
        } catch (SQLException | IOException | RuntimeException e) {
            // A partition may have been dropped (retention) or the server replaced: look them up again next time.
            partitions.forget();
            SyncException failure = e instanceof SyncException se ? se : SyncFailures.of(target, "push", e);
            try {
                state.recordError(failure.getMessage(), clock.millis());
            } catch (SQLException stateFailure) {
                failure.addSuppressed(stateFailure);
            }
            LOG.warn("sync to {} failed after {} rows: {}", target.redacted(), totals.read, failure.getMessage());
            throw failure;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        SyncReport report = new SyncReport(totals.read, totals.inserted, totals.read - totals.inserted, seconds, backlog());
        LOG.info("pushed {} events to {} ({} new, {} already there) in {} s", totals.read, target.redacted(),
                totals.inserted, totals.read - totals.inserted, String.format("%.2f", seconds));
        return report;
    }

    /** Counted on the calling thread only, as merges complete in order. */
    private static final class Totals {
        long read;
        long inserted;
    }

    /** A batch COPYed into one session's staging table, waiting for its merge. */
    private record StagedBatch(Connection session, long endSeq, long rows, SortedSet<LocalDate> days) {
    }

    private void pushAll(Connection[] sessions, Totals totals, PushProgress progress) throws SQLException, IOException {
        long mark = state.lastSeq();
        long until = maxSeq();
        ExecutorService merger = Executors.newSingleThreadExecutor(BackgroundThreads.named("watchpost-sync-merge"));
        StagedBatch merging = null;
        Future<Integer> merged = null;
        try {
            for (int k = 0; mark < until && !progress.stopRequested(); k++) {
                long end = batchEnd(mark, until);
                StagedBatch next = stage(sessions[k % 2], mark, end);
                if (merged != null) {
                    complete(merging, merged, totals, progress);
                    merged = null;
                }
                // After the previous merge committed: partition DDL would only queue behind its locks.
                partitions.ensure(next.session(), next.days());
                merging = next;
                merged = merger.submit(() -> merge(next));
                mark = end;
            }
            if (merged != null) {
                complete(merging, merged, totals, progress);
                merged = null;
            }
            if (totals.read == 0) {
                state.markPushed(mark, clock.millis()); // records the successful contact
            }
        } finally {
            if (merged != null) {
                // Failing on this thread: let the merge in flight finish before its connection is closed. Whether it
                // committed or not, the mark stays behind it, and a re-push of its rows is ignored by the merge.
                try {
                    merged.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException ignored) {
                    // the failure that brought us here is the one to report
                }
            }
            merger.shutdownNow();
        }
    }

    /** Waits for a batch's merge; once PostgreSQL has committed it, and only then, the cache's mark moves past it. */
    private void complete(StagedBatch batch, Future<Integer> merged, Totals totals, PushProgress progress)
            throws SQLException {
        int inserted;
        try {
            inserted = merged.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("push to " + target.hosts() + "/" + target.database() + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        state.markPushed(batch.endSeq(), clock.millis());
        pulled.forgetUpTo(batch.endSeq());
        totals.read += batch.rows();
        totals.inserted += inserted;
        progress.batchCommitted(batch.rows(), inserted);
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
        PgSchema.migrate(target);
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

    /** Empties the session's staging table and COPYs the cached events (after, upTo] into it. */
    private StagedBatch stage(Connection pg, long after, long upTo) throws SQLException, IOException {
        long started = System.nanoTime();
        try (Statement st = pg.createStatement()) {
            st.execute("TRUNCATE events_staging");
        }
        SortedSet<LocalDate> days = new TreeSet<>();
        long rows = copyToStaging(pg, after, upTo, days);
        LOG.debug("staged seq ({}, {}]: {} rows in {} ms", after, upTo, rows, (System.nanoTime() - started) / 1_000_000);
        return new StagedBatch(pg, upTo, rows, days);
    }

    /** Merges the session's staged batch into events and commits; returns the rows that were new. */
    private int merge(StagedBatch batch) throws SQLException {
        long started = System.nanoTime();
        int inserted;
        try {
            inserted = mergeByDay(batch);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            LOG.debug("another workstation pushed some of these events meanwhile; merging with ON CONFLICT");
            inserted = mergeSafe(batch.session());
        }
        LOG.debug("merged {} new rows in {} ms", inserted, (System.nanoTime() - started) / 1_000_000);
        return inserted;
    }

    /** One anti-join insert per UTC day of the batch, each into its day's partition; one transaction. */
    private int mergeByDay(StagedBatch batch) throws SQLException {
        Connection pg = batch.session();
        pg.setAutoCommit(false);
        try {
            try (Statement st = pg.createStatement()) {
                // The staging table has no statistics, and the planner then sorts or hashes the whole target to
                // anti-join it. One unique-index probe per staged row keeps the cost of a batch independent of how
                // many events the target already holds.
                st.execute("SET LOCAL enable_hashjoin = off");
                st.execute("SET LOCAL enable_mergejoin = off");
            }
            int inserted = 0;
            for (LocalDate day : batch.days()) {
                // The table name comes from a LocalDate (see DailyPartitions), never from event data.
                String table = partitions.isKnown(day) ? DailyPartitions.tableName(day) : "events";
                try (PreparedStatement merge = pg.prepareStatement(MERGE_FAST_INTO.replace("{0}", table))) {
                    merge.setString(1, origin);
                    merge.setLong(2, day.toEpochDay() * DAY_MILLIS);
                    merge.setLong(3, (day.toEpochDay() + 1) * DAY_MILLIS);
                    inserted += merge.executeUpdate();
                }
            }
            pg.commit();
            return inserted;
        } catch (SQLException | RuntimeException e) {
            pg.rollback();
            throw e;
        } finally {
            pg.setAutoCommit(true);
        }
    }

    private int mergeSafe(Connection pg) throws SQLException {
        pg.setAutoCommit(false);
        try (PreparedStatement merge = pg.prepareStatement(MERGE_SAFE)) {
            merge.setString(1, origin);
            int inserted = merge.executeUpdate();
            pg.commit();
            return inserted;
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
        // Rows this cache pulled from the target are already there: leave them out rather than send them back.
        PulledRanges.Skip skip = pulled.within(after, upTo);
        try (Connection c = cache.getConnection(); PreparedStatement ps = c.prepareStatement(READ_BATCH)) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            ps.setFetchSize(1000);
            Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16);
            CopyTextWriter row = new CopyTextWriter(out);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (skip.contains(rs.getLong(16))) {
                        continue;
                    }
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
