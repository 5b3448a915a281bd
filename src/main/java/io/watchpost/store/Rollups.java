package io.watchpost.store;

import io.watchpost.normalize.Event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the Dashboard's rollup tables ({@code V8__rollups.sql}) in step with the events table. Each round folds in the
 * rows stored since the last ({@code seq > rollup_state.last_seq}) and moves the mark in the same transaction, so
 * every stored event counts exactly once: duplicates were never stored, and a round that fails rolls back with its
 * counts. The rows come from the batches the store just committed when {@link RollupUpdater} holds them
 * ({@link AppendedEvents}), else from the table.
 */
public final class Rollups {

    /** The per-second tables cover this much, back from now. */
    public static final long SECOND_TABLES_SPAN_MILLIS = 3_600_000;
    /** Finished minutes keep this many talkers per kind. */
    public static final int TALKERS_KEPT_PER_MINUTE = 50;
    private static final long COMPACT_EVERY_MILLIS = 30_000;

    /**
     * One round folds in at most this many rows, so a long catch-up (a fresh cache filling with history) commits
     * as it goes: the Dashboard can show how far it got, and memory stays bounded.
     */
    static final int ROWS_PER_ROUND = 100_000;

    private static final String NEW_ROWS = "SELECT seq, event_time, ingest_time, log_group, source_type, severity, LENGTH(raw), "
            + "action, outcome, user_name, source_ip FROM events WHERE seq > ? ORDER BY seq LIMIT ?";

    private static final String MERGE_MINUTE = "MERGE INTO rollup_minute t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR), "
            + "CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))) "
            + "s(bucket, log_group, source_type, severity, events, bytes, latency_sum, latency_max) "
            + "ON t.bucket = s.bucket AND t.log_group = s.log_group AND t.source_type = s.source_type AND t.severity = s.severity "
            + "WHEN MATCHED THEN UPDATE SET events = t.events + s.events, bytes = t.bytes + s.bytes, "
            + "latency_sum = t.latency_sum + s.latency_sum, latency_max = GREATEST(t.latency_max, s.latency_max) "
            + "WHEN NOT MATCHED THEN INSERT VALUES (s.bucket, s.log_group, s.source_type, s.severity, s.events, s.bytes, "
            + "s.latency_sum, s.latency_max)";

    private static final String MERGE_SECOND = "MERGE INTO rollup_second t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR), "
            + "CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))) "
            + "s(bucket, log_group, source_type, events, bytes, latency_sum, latency_max) "
            + "ON t.bucket = s.bucket AND t.log_group = s.log_group AND t.source_type = s.source_type "
            + "WHEN MATCHED THEN UPDATE SET events = t.events + s.events, bytes = t.bytes + s.bytes, "
            + "latency_sum = t.latency_sum + s.latency_sum, latency_max = GREATEST(t.latency_max, s.latency_max) "
            + "WHEN NOT MATCHED THEN INSERT VALUES (s.bucket, s.log_group, s.source_type, s.events, s.bytes, s.latency_sum, s.latency_max)";

    private static final String MERGE_TALKERS = "MERGE INTO rollup_talker_minute t USING (VALUES (CAST(? AS BIGINT), "
            + "CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT))) s(bucket, kind, talker, events) "
            + "ON t.bucket = s.bucket AND t.kind = s.kind AND t.talker = s.talker "
            + "WHEN MATCHED THEN UPDATE SET events = t.events + s.events "
            + "WHEN NOT MATCHED THEN INSERT VALUES (s.bucket, s.kind, s.talker, s.events)";

    // outcome compared NULL-safe: an event without one is counted apart from one with an empty outcome
    private static final String MERGE_ACTIONS = "MERGE INTO rollup_action_minute t USING (VALUES (CAST(? AS VARCHAR), "
            + "CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT))) "
            + "s(action, outcome, bucket, severity, source_type, events) "
            + "ON t.action = s.action AND t.bucket = s.bucket AND t.outcome IS NOT DISTINCT FROM s.outcome "
            + "AND t.severity = s.severity AND t.source_type = s.source_type "
            + "WHEN MATCHED THEN UPDATE SET events = t.events + s.events "
            + "WHEN NOT MATCHED THEN INSERT VALUES (s.action, s.outcome, s.bucket, s.severity, s.source_type, s.events)";

    private static String mergeLatency(String table) {
        return "MERGE INTO " + table + " t USING (VALUES (CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT))) s(bucket, bin, events) "
                + "ON t.bucket = s.bucket AND t.bin = s.bin WHEN MATCHED THEN UPDATE SET events = t.events + s.events "
                + "WHEN NOT MATCHED THEN INSERT VALUES (s.bucket, s.bin, s.events)";
    }

    private static final String MERGE_LATENCY_MINUTE = mergeLatency("rollup_latency_minute");
    private static final String MERGE_LATENCY_SECOND = mergeLatency("rollup_latency_second");

    // Compaction keeps the top N of each finished minute and kind, ties broken by name so the result is deterministic.
    // Done per overfull (minute, kind) through the primary key: one DELETE over the dirty range with a window function
    // in an IN (...) took H2 about a core once lagging sources (CloudTrail's minutes of delivery delay) kept several
    // minutes dirty at a time.
    private static final String OVERFULL_TALKERS = "SELECT bucket, kind FROM rollup_talker_minute WHERE bucket >= ? AND bucket < ? "
            + "GROUP BY bucket, kind HAVING COUNT(*) > ?";
    private static final String LAST_KEPT_TALKER = "SELECT events, talker FROM rollup_talker_minute WHERE bucket = ? AND kind = ? "
            + "ORDER BY events DESC, talker OFFSET ? ROWS FETCH NEXT 1 ROW ONLY";
    private static final String DROP_TALKERS_BEYOND = "DELETE FROM rollup_talker_minute WHERE bucket = ? AND kind = ? "
            + "AND (events < ? OR events = ? AND talker > ?)";

    private static volatile long lastCompactionMillis;

    private Rollups() {
    }

    /**
     * Folds in the rows stored since the last round, read from the table, in a transaction of its own. Safe beside
     * appends and beside another round: the state row lock orders them.
     */
    public static boolean catchUp(javax.sql.DataSource dataSource) {
        return catchUp(dataSource, new ApiCallTimes());
    }

    /**
     * {@link #catchUp(javax.sql.DataSource)}, plus the API call times ingestion recorded since the last round, in the
     * same transaction (given back to be written next round when it fails).
     *
     * @return whether rows may remain ({@link #ROWS_PER_ROUND} were folded in): call again at once
     */
    public static boolean catchUp(javax.sql.DataSource dataSource, ApiCallTimes apiCalls) {
        return catchUp(dataSource, apiCalls, System.currentTimeMillis());
    }

    static boolean catchUp(javax.sql.DataSource dataSource, ApiCallTimes apiCalls, long now) {
        return catchUp(dataSource, apiCalls, now, null);
    }

    /** @param appended the batches lately committed, to fold in without reading them back; null: read the table */
    static boolean catchUp(javax.sql.DataSource dataSource, ApiCallTimes apiCalls, long now, AppendedEvents appended) {
        ApiCallTimes.Taken calls = apiCalls.take();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean more = add(c, now, appended) == ROWS_PER_ROUND;
                calls.writeTo(c, now - SECOND_TABLES_SPAN_MILLIS);
                c.commit();
                return more;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            calls.giveBack();
            throw e instanceof SQLException ? new StoreException("could not update the dashboard rollups", e) : (RuntimeException) e;
        }
    }

    /** {@link #catchUp(javax.sql.DataSource, ApiCallTimes)} for callers in the UI, which may not touch javax.sql (ArchitectureTest). */
    public static boolean catchUp(Cache cache) {
        return catchUp(cache.dataSource(), cache.events().apiCalls());
    }

    /** @return how many rows were folded in */
    static int add(Connection c, long nowMillis, AppendedEvents appended) throws SQLException {
        long fromSeq;
        long dirtyFrom;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, talkers_dirty_from FROM rollup_state WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            fromSeq = rs.getLong(1);
            dirtyFrom = rs.getLong(2);
        }
        // One scan of the new rows, aggregated here: reading them back once per rollup table would materialize
        // every wide row (raw, fields) several times over and feed the garbage collector for nothing.
        long secondsFrom = nowMillis - SECOND_TABLES_SPAN_MILLIS;
        RollupBatch batch = new RollupBatch(secondsFrom);
        List<AppendedEvents.Appended> inHand = appended == null ? List.of() : appended.takeFollowing(fromSeq, ROWS_PER_ROUND);
        int rows = inHand.isEmpty() ? addStoredRows(c, fromSeq, batch) : 0;
        for (AppendedEvents.Appended a : inHand) {
            for (Event e : a.events()) {
                // the values exactly as EventStore binds them; seq only moves the mark, so the batch's last will do
                batch.add(a.lastSeq(), e.eventTime().toEpochMilli(), e.ingestTime().toEpochMilli(), e.logGroup(), e.sourceType(),
                        e.severity().name(), e.raw().length(), e.action(), e.outcome(), e.user(), e.sourceIp());
            }
            rows += a.events().size();
        }
        if (batch.isEmpty()) {
            return 0;
        }
        long toSeq = batch.lastSeq();
        long oldestTouched = batch.oldestEventTime();
        batch.write(c, MERGE_MINUTE, MERGE_SECOND, MERGE_LATENCY_MINUTE, MERGE_LATENCY_SECOND, MERGE_TALKERS, MERGE_ACTIONS);

        long touchedMinute = oldestTouched - Math.floorMod(oldestTouched, 60_000L);
        long newDirtyFrom = Math.min(dirtyFrom, touchedMinute);
        if (Math.abs(nowMillis - lastCompactionMillis) >= COMPACT_EVERY_MILLIS) { // abs: a clock set back still compacts
            // Minutes that may still receive events (the current one and the one before) stay whole.
            long finishedBefore = nowMillis - Math.floorMod(nowMillis, 60_000L) - 60_000;
            if (newDirtyFrom < finishedBefore) {
                compactTalkers(c, newDirtyFrom, finishedBefore);
                newDirtyFrom = finishedBefore;
            }
            update(c, "DELETE FROM rollup_second WHERE bucket < ?", secondsFrom);
            update(c, "DELETE FROM rollup_latency_second WHERE bucket < ?", secondsFrom);
            lastCompactionMillis = nowMillis;
        }
        update(c, "UPDATE rollup_state SET last_seq = ?, talkers_dirty_from = ? WHERE id = 1", toSeq, newDirtyFrom);
        return rows;
    }

    private record TalkerGroup(long minute, String kind) {
    }

    /** Cuts every minute in [from, to) down to its {@link #TALKERS_KEPT_PER_MINUTE} top talkers of each kind. */
    private static void compactTalkers(Connection c, long from, long to) throws SQLException {
        List<TalkerGroup> overfull = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OVERFULL_TALKERS)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setInt(3, TALKERS_KEPT_PER_MINUTE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    overfull.add(new TalkerGroup(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        try (PreparedStatement last = c.prepareStatement(LAST_KEPT_TALKER);
             PreparedStatement drop = c.prepareStatement(DROP_TALKERS_BEYOND)) {
            for (TalkerGroup group : overfull) {
                last.setLong(1, group.minute());
                last.setString(2, group.kind());
                last.setInt(3, TALKERS_KEPT_PER_MINUTE - 1);
                try (ResultSet rs = last.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    drop.setLong(1, group.minute());
                    drop.setString(2, group.kind());
                    drop.setLong(3, rs.getLong(1));
                    drop.setLong(4, rs.getLong(1));
                    drop.setString(5, rs.getString(2));
                }
                drop.addBatch();
            }
            drop.executeBatch();
        }
    }

    /** Reads the rows after {@code fromSeq} back from the table, one round's worth. */
    private static int addStoredRows(Connection c, long fromSeq, RollupBatch batch) throws SQLException {
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(NEW_ROWS)) {
            ps.setLong(1, fromSeq);
            ps.setInt(2, ROWS_PER_ROUND);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    batch.add(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
                }
            }
        }
        return rows;
    }

    private static void update(Connection c, String sql, long... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
