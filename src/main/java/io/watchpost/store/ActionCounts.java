package io.watchpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The per-minute counts of {@code (action, outcome)} the rollup thread keeps ({@code V15__action_minute_counts.sql}),
 * read for a filter with an {@link ActionKey}: which minutes of a range can hold a match, and how many matches whole
 * minutes hold. The counts cover the events up to {@code rollup_state.last_seq} (the mark); the few stored since (the
 * rollups run about a second behind ingest) are read from the table by seq. The caller reads everything in one
 * SNAPSHOT transaction ({@link #inSnapshot}), so the mark, the counts and the rows agree.
 */
final class ActionCounts {

    static final long MINUTE = 60_000;

    /** H2's SNAPSHOT isolation (org.h2.engine.Constants.TRANSACTION_SNAPSHOT): all tables as of the first read. */
    private static final int SNAPSHOT = 6;

    private static final String UNCOUNTED = "SELECT event_time, action, outcome, severity, source_type FROM events "
            + "WHERE seq > ? ORDER BY seq";

    private final Connection c;
    private final ActionKey key;
    private final long mark;

    private ActionCounts(Connection c, ActionKey key, long mark) {
        this.c = c;
        this.key = key;
        this.mark = mark;
    }

    interface Read<T> {
        T read(ActionCounts counts) throws SQLException;
    }

    /** Runs {@code read} against one consistent snapshot of the cache, then ends the read-only transaction. */
    static <T> T inSnapshot(Connection c, ActionKey key, Read<T> read) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(SNAPSHOT);
        try {
            long mark;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM rollup_state WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                mark = rs.next() ? rs.getLong(1) : 0;
            }
            return read.read(new ActionCounts(c, key, mark));
        } finally {
            c.rollback();
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    /** The highest seq the counts cover. */
    long mark() {
        return mark;
    }

    static long minuteOf(long millis) {
        return millis - Math.floorMod(millis, MINUTE);
    }

    /**
     * The minutes that can hold a match in {@code range}, merged into runs, clipped to the range and ordered newest or
     * oldest first. Every match lies in one of them; not everything in them need match (other conjuncts).
     */
    List<TimeRange> spans(TimeRange range, boolean newestFirst) throws SQLException {
        NavigableSet<Long> minutes = new TreeSet<>();
        StringBuilder sql = new StringBuilder("SELECT DISTINCT bucket FROM rollup_action_minute WHERE action = ? "
                + "AND bucket >= ? AND bucket < ?");
        if (key.outcome() != null) {
            sql.append(" AND outcome = ?");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, key.action());
            ps.setLong(2, minuteOf(range.fromMillis()));
            ps.setLong(3, range.toMillis());
            if (key.outcome() != null) {
                ps.setString(4, key.outcome());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    minutes.add(rs.getLong(1));
                }
            }
        }
        forEachUncounted(range, (time, severity, sourceType) -> minutes.add(minuteOf(time)));
        List<TimeRange> spans = new ArrayList<>();
        long start = 0;
        long end = Long.MIN_VALUE;
        for (long m : minutes) {
            if (m != end) {
                if (end != Long.MIN_VALUE) {
                    spans.add(clip(start, end, range));
                }
                start = m;
            }
            end = m + MINUTE;
        }
        if (end != Long.MIN_VALUE) {
            spans.add(clip(start, end, range));
        }
        if (newestFirst) {
            Collections.reverse(spans);
        }
        return spans;
    }

    private static TimeRange clip(long from, long to, TimeRange range) {
        return new TimeRange(Math.max(from, range.fromMillis()), Math.min(to, range.toMillis()));
    }

    interface CountSink {
        void add(long minute, String split, long events);
    }

    /**
     * The counted matches of whole minutes in [from, to) (both minute-aligned), per minute and, when {@code splitColumn}
     * is not null, per value of that column ("severity" or "source_type").
     */
    void countedMinutes(long from, long to, String splitColumn, CountSink sink) throws SQLException {
        String split = splitColumn == null ? "" : ", " + splitColumn;
        StringBuilder sql = new StringBuilder("SELECT bucket" + split + ", SUM(events) FROM rollup_action_minute "
                + "WHERE action = ? AND bucket >= ? AND bucket < ?");
        if (key.outcome() != null) {
            sql.append(" AND outcome = ?");
        }
        sql.append(" GROUP BY bucket").append(split);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, key.action());
            ps.setLong(2, from);
            ps.setLong(3, to);
            if (key.outcome() != null) {
                ps.setString(4, key.outcome());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.add(rs.getLong(1), splitColumn == null ? null : rs.getString(2), rs.getLong(splitColumn == null ? 2 : 3));
                }
            }
        }
    }

    interface UncountedSink {
        void add(long eventTime, String severity, String sourceType);
    }

    /**
     * The events stored after the mark that match the key, in {@code range}. Read by seq (the primary key), in Java:
     * a condition on time or action here could let H2 pick the time index and walk the whole range.
     */
    void forEachUncounted(TimeRange range, UncountedSink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UNCOUNTED)) {
            ps.setLong(1, mark);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long time = rs.getLong(1);
                    if (time >= range.fromMillis() && time < range.toMillis() && key.action().equals(rs.getString(2))
                            && (key.outcome() == null || key.outcome().equals(rs.getString(3)))) {
                        sink.add(time, rs.getString(4), rs.getString(5));
                    }
                }
            }
        }
    }

    /** Adds {@code n} to bucket {@code b} and, when split, to its split value. */
    static void addTo(long[] counts, List<Map<String, Long>> splits, int b, String split, long n) {
        counts[b] += n;
        if (split != null) {
            splits.get(b).merge(split, n, Long::sum);
        }
    }
}
