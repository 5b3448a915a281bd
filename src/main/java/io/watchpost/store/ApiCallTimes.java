package io.watchpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * How long CloudWatch API calls took, gathered in memory as ingestion makes them and folded into the
 * {@code V12__api_call_rollups.sql} tables by {@link Rollups#catchUp(Cache)} once a second. Calls come at most a
 * few hundred a second, so one lock around a small map costs nothing; the table write happens off the caller's
 * thread. A call is counted in the second (and minute) in which it ended.
 */
public final class ApiCallTimes {

    private static final String MERGE = "MERGE INTO %s t USING (VALUES (CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT), "
            + "CAST(? AS BIGINT), CAST(? AS BIGINT))) s(bucket, bin, calls, duration_sum, duration_max) "
            + "ON t.bucket = s.bucket AND t.bin = s.bin WHEN MATCHED THEN UPDATE SET calls = t.calls + s.calls, "
            + "duration_sum = t.duration_sum + s.duration_sum, duration_max = GREATEST(t.duration_max, s.duration_max) "
            + "WHEN NOT MATCHED THEN INSERT VALUES (s.bucket, s.bin, s.calls, s.duration_sum, s.duration_max)";
    static final String MERGE_SECOND = String.format(MERGE, "rollup_api_second");
    static final String MERGE_MINUTE = String.format(MERGE, "rollup_api_minute");

    /** A second's calls in one latency bin. */
    private record Key(long second, int bin) {
    }

    /** calls, duration sum, duration max. */
    private Map<Key, long[]> pending = new HashMap<>();

    /** One finished call: when it ended (epoch ms) and how long it took (ms), retries inside it included. */
    public void record(long endedAtMillis, long durationMillis) {
        long d = Math.max(0, durationMillis);
        Key key = new Key(endedAtMillis - Math.floorMod(endedAtMillis, 1000L), RollupBatch.latencyBin(d));
        synchronized (this) {
            add(pending, key, 1, d, d);
        }
    }

    private static void add(Map<Key, long[]> into, Key key, long calls, long sum, long max) {
        long[] s = into.computeIfAbsent(key, k -> new long[3]);
        s[0] += calls;
        s[1] += sum;
        s[2] = Math.max(s[2], max);
    }

    /** Takes what was recorded since the last take, for one transaction to write. */
    Taken take() {
        synchronized (this) {
            Map<Key, long[]> taken = pending;
            pending = new HashMap<>();
            return new Taken(taken);
        }
    }

    /** Calls taken for one rollup transaction: written inside it, given back when it does not commit. */
    final class Taken {
        private final Map<Key, long[]> calls;

        private Taken(Map<Key, long[]> calls) {
            this.calls = calls;
        }

        /** Seconds older than {@code secondsFrom} go only into the per-minute table. */
        void writeTo(Connection c, long secondsFrom) throws SQLException {
            Map<Key, long[]> minutes = new HashMap<>();
            Map<Key, long[]> seconds = new HashMap<>();
            calls.forEach((k, s) -> {
                add(minutes, new Key(k.second() - Math.floorMod(k.second(), 60_000L), k.bin()), s[0], s[1], s[2]);
                if (k.second() >= secondsFrom) {
                    seconds.put(k, s);
                }
            });
            merge(c, MERGE_MINUTE, minutes);
            merge(c, MERGE_SECOND, seconds);
            if (!calls.isEmpty()) {
                // Pruned here, not with the event rollups: a quiet group still costs API calls but brings no events.
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM rollup_api_second WHERE bucket < ?")) {
                    ps.setLong(1, secondsFrom);
                    ps.executeUpdate();
                }
            }
        }

        void giveBack() {
            synchronized (ApiCallTimes.this) {
                calls.forEach((k, s) -> add(pending, k, s[0], s[1], s[2]));
            }
        }
    }

    private static void merge(Connection c, String sql, Map<Key, long[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<Key, long[]> e : rows.entrySet()) {
                ps.setLong(1, e.getKey().second());
                ps.setInt(2, e.getKey().bin());
                ps.setLong(3, e.getValue()[0]);
                ps.setLong(4, e.getValue()[1]);
                ps.setLong(5, e.getValue()[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
