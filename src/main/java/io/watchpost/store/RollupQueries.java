package io.watchpost.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Dashboard's rollups ({@link Rollups}): volume, latency and top talkers over a window, re-bucketed to a
 * step. Steps under a minute read the per-second tables, which only cover the last hour; longer steps read the
 * per-minute tables and must be whole minutes.
 */
public final class RollupQueries {

    private final DataSource dataSource;

    public RollupQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For the UI, which may not touch javax.sql (ArchitectureTest). */
    public RollupQueries(Cache cache) {
        this(cache.dataSource());
    }

    /** Whether a step reads the per-second tables. */
    public static boolean usesSecondTables(long stepMillis) {
        return stepMillis < 60_000;
    }

    /** Events and bytes per bucket of {@code stepMillis} and per key, oldest first. */
    public List<VolumeRow> volume(TimeRange range, long stepMillis, RollupKey key) {
        String table = usesSecondTables(stepMillis) ? "rollup_second" : "rollup_minute";
        String sql = "SELECT bucket - MOD(bucket, ?) b, " + key.column + ", SUM(events), SUM(bytes) FROM " + table
                + " WHERE bucket >= ? AND bucket < ? GROUP BY b, " + key.column + " ORDER BY b, " + key.column;
        return query(sql, rs -> new VolumeRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                stepMillis, range.fromMillis(), range.toMillis());
    }

    /** Latency percentiles, max and mean per bucket that has events, oldest first. */
    public List<LatencyRow> latency(TimeRange range, long stepMillis) {
        boolean seconds = usesSecondTables(stepMillis);
        String bins = "SELECT bucket - MOD(bucket, ?) b, bin, SUM(events) FROM " + (seconds ? "rollup_latency_second" : "rollup_latency_minute")
                + " WHERE bucket >= ? AND bucket < ? GROUP BY b, bin ORDER BY b, bin";
        String totals = "SELECT bucket - MOD(bucket, ?) b, SUM(events), SUM(latency_sum), MAX(latency_max) FROM "
                + (seconds ? "rollup_second" : "rollup_minute") + " WHERE bucket >= ? AND bucket < ? GROUP BY b ORDER BY b";
        Map<Long, LatencyBins> histograms = new LinkedHashMap<>();
        for (long[] row : query(bins, rs -> new long[]{rs.getLong(1), rs.getInt(2), rs.getLong(3)}, stepMillis, range.fromMillis(), range.toMillis())) {
            histograms.computeIfAbsent(row[0], b -> new LatencyBins()).add((int) row[1], row[2]);
        }
        return query(totals, rs -> {
            long bucket = rs.getLong(1);
            long events = rs.getLong(2);
            LatencyBins h = histograms.getOrDefault(bucket, new LatencyBins());
            return h.row(bucket, events, rs.getLong(3), rs.getLong(4));
        }, stepMillis, range.fromMillis(), range.toMillis());
    }

    /**
     * CloudWatch API call latency (ingestion's calls, {@link ApiCallTimes}) per bucket that had calls, oldest first:
     * {@link LatencyRow#events()} counts calls.
     */
    public List<LatencyRow> apiLatency(TimeRange range, long stepMillis) {
        String sql = "SELECT bucket - MOD(bucket, ?) b, bin, SUM(calls), SUM(duration_sum), MAX(duration_max) FROM "
                + (usesSecondTables(stepMillis) ? "rollup_api_second" : "rollup_api_minute")
                + " WHERE bucket >= ? AND bucket < ? GROUP BY b, bin ORDER BY b, bin";
        List<long[]> rows = query(sql, rs -> new long[]{rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)},
                stepMillis, range.fromMillis(), range.toMillis());
        List<LatencyRow> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            long bucket = rows.get(i)[0];
            LatencyBins h = new LatencyBins();
            long sum = 0;
            long max = 0;
            for (; i < rows.size() && rows.get(i)[0] == bucket; i++) {
                long[] r = rows.get(i);
                h.add((int) r[1], r[2]);
                sum += r[3];
                max = Math.max(max, r[4]);
            }
            out.add(h.row(bucket, sum, max));
        }
        return out;
    }

    /** The {@code limit} values seen most often in the window, most first (minute resolution: the range is widened to whole minutes). */
    public List<ValueCount> talkers(TalkerKind kind, TimeRange range, int limit) {
        long from = range.fromMillis() - Math.floorMod(range.fromMillis(), 60_000L);
        String sql = "SELECT talker, SUM(events) n FROM rollup_talker_minute WHERE kind = ? AND bucket >= ? AND bucket < ? "
                + "GROUP BY talker ORDER BY n DESC, talker LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind.code);
            ps.setLong(2, from);
            ps.setLong(3, range.toMillis());
            ps.setInt(4, limit);
            List<ValueCount> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ValueCount(rs.getString(1), rs.getLong(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read the top " + kind, e);
        }
    }

    /** The first and last minute the rollups hold (the last one's end exclusive), for a custom range; empty when none. */
    public Optional<TimeRange> extent() {
        List<long[]> rows = query("SELECT MIN(bucket), MAX(bucket), COUNT(*) FROM rollup_minute",
                rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        long[] r = rows.get(0);
        return r[2] == 0 ? Optional.empty() : Optional.of(new TimeRange(r[0], r[1] + 60_000));
    }

    /** How far the rollups have counted the cache's events ({@link RollupProgress}); two key lookups. */
    public RollupProgress progress() {
        List<long[]> rows = query("SELECT (SELECT last_seq FROM rollup_state WHERE id = 1), (SELECT COALESCE(MAX(seq), 0) FROM events)",
                rs -> new long[]{rs.getLong(1), rs.getLong(2)});
        return new RollupProgress(rows.get(0)[0], rows.get(0)[1]);
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, long... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read the dashboard rollups", e);
        }
    }

    /** One bucket's latency histogram, bins as in V8__rollups.sql. */
    private static final class LatencyBins {
        private final Map<Integer, Long> counts = new java.util.TreeMap<>();
        private long total;

        void add(int bin, long events) {
            counts.merge(bin, events, Long::sum);
            total += events;
        }

        LatencyRow row(long bucket, long sum, long max) {
            return row(bucket, total, sum, max);
        }

        /** A bin's upper bound can exceed the exact maximum: a percentile is never reported above it. */
        LatencyRow row(long bucket, long events, long sum, long max) {
            return new LatencyRow(bucket, events, Math.min(percentile(0.50), max), Math.min(percentile(0.95), max), max,
                    events == 0 ? 0 : (double) sum / events);
        }

        double percentile(double p) {
            long rank = (long) Math.ceil(p * total);
            long seen = 0;
            for (Map.Entry<Integer, Long> e : counts.entrySet()) {
                seen += e.getValue();
                if (seen >= rank) {
                    return e.getKey() == 0 ? 1 : Math.pow(10, e.getKey() / 8.0);
                }
            }
            return 0;
        }
    }
}
