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
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Explorer's queries over the cache for a compiled filter ({@link SqlWhere}) and a time range: pages with a
 * keyset cursor, a time histogram (optionally split), top values of a field, and the count. Every statement is
 * parameterized; the filter's SQL comes from the query compiler and holds no user text.
 * Thread-safe: each call takes its own connection.
 */
public final class EventExplorer {

    /** ~60–120 bars, whatever the range. */
    public static final int MAX_BUCKETS = 120;

    /** Beyond this many buckets a histogram is counted from the rows even for an action filter. */
    private static final int MAX_COUNTED_BUCKETS = 10_000;

    private final DataSource dataSource;
    /** "events" plus, for the benchmark's baseline only, an H2 hint restricting it to a plain time index. */
    private final String table;
    /** Whether action filters read the per-minute action counts (all but the benchmark's baseline). */
    private final boolean actionCounts;

    public EventExplorer(DataSource dataSource) {
        this(dataSource, "events", true);
    }

    private EventExplorer(DataSource dataSource, String table, boolean actionCounts) {
        this.dataSource = dataSource;
        this.table = table;
        this.actionCounts = actionCounts;
    }

    /** The index the benchmark's baseline creates in its own cache: (event_time, seq), as V1 had it. */
    public static final String TIME_ONLY_INDEX = "ix_bench_time_only";

    /** The same queries with only a plain time index usable: the benchmark's "no help" baseline. */
    public static EventExplorer withTimeIndexOnly(DataSource dataSource) {
        return new EventExplorer(dataSource, "events USE INDEX (" + TIME_ONLY_INDEX + ")", false);
    }

    /** The first page and the histogram in one go: what the Explorer runs when a filter or range changes. */
    public ExplorerView open(SqlWhere where, TimeRange range, SortOrder order, int pageSize, HistogramSplit split) {
        try (Connection c = dataSource.getConnection()) {
            return new ExplorerView(page(c, where, range, order, null, pageSize), histogram(c, where, range, split));
        } catch (SQLException e) {
            throw new StoreException("could not open the explorer view", e);
        }
    }

    /** Matching events in the range, in {@code order}, starting after {@code after} (null for the first page). */
    public EventPage page(SqlWhere where, TimeRange range, SortOrder order, PageCursor after, int pageSize) {
        try (Connection c = dataSource.getConnection()) {
            return page(c, where, range, order, after, pageSize);
        } catch (SQLException e) {
            throw new StoreException("could not read a page of events", e);
        }
    }

    public Histogram histogram(SqlWhere where, TimeRange range, HistogramSplit split) {
        try (Connection c = dataSource.getConnection()) {
            return histogram(c, where, range, split);
        } catch (SQLException e) {
            throw new StoreException("could not count events per time bucket", e);
        }
    }

    /**
     * Matching events in the range, oldest first, skipping the first {@code offset}: only for short skips inside a
     * histogram bucket ({@link ResultPages} keeps them short), since OFFSET reads every row it skips.
     */
    List<StoredEvent> oldestFirst(SqlWhere where, TimeRange range, long offset, int limit) {
        String sql = "SELECT " + EventStore.COLUMNS + " FROM " + table + " WHERE event_time >= ? AND event_time < ? AND ("
                + where.sql() + ") ORDER BY event_time, seq LIMIT ? OFFSET ?";
        List<Object> params = new ArrayList<>();
        params.add(range.fromMillis());
        params.add(range.toMillis());
        params.addAll(where.params());
        params.add(limit);
        params.add(offset);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            EventStore.bind(ps, params, 1);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(EventStore.read(rs));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StoreException("could not read events at a position", e);
        }
    }

    /** Matching events per bucket of {@code bucketMillis}, unsplit: {@link ResultPages} narrowing a crowded bucket. */
    Histogram histogram(SqlWhere where, TimeRange range, long bucketMillis) {
        try (Connection c = dataSource.getConnection()) {
            return histogram(c, where, range, HistogramSplit.NONE, bucketMillis);
        } catch (SQLException e) {
            throw new StoreException("could not count events per time bucket", e);
        }
    }

    /** Matching events in the range. */
    public long count(SqlWhere where, TimeRange range) {
        if (countsAnswer(where)) {
            return histogram(where, range, HistogramSplit.NONE).total();
        }
        String sql = "SELECT COUNT(*) FROM " + table + " WHERE event_time >= ? AND event_time < ? AND (" + where.sql() + ")";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, range.fromMillis());
            ps.setLong(2, range.toMillis());
            EventStore.bind(ps, where.params(), 3);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("could not count events", e);
        }
    }

    /**
     * The {@code limit} most frequent values of {@code field} (any name the filter language accepts) among the
     * matching events of the range, most frequent first (ties by value). Events without the field are not counted.
     */
    public List<ValueCount> topValues(SqlWhere where, TimeRange range, String field, int limit) {
        List<Object> params = new ArrayList<>();
        String value;
        String has;
        Optional<String> column = EventColumns.textColumn(field).or(() -> EventColumns.timeColumn(field));
        if (column.isPresent()) {
            value = column.get();
            has = value + " IS NOT NULL";
        } else {
            // Only rows whose JSON mentions the key pay for reading it (same necessary condition as the compiler's).
            value = "WP_FIELD(fields, ?)";
            params.add(field);
            has = "fields ILIKE ? ESCAPE '\\'";
        }
        String rows;
        if (column.isEmpty() && actionCounts && where.actionKey().isPresent()) {
            // A JSON field is read from the row. Pick the rows of the action from the time index first (it carries
            // action and outcome), so only those are read, not every row of the range that mentions the key.
            ActionKey key = where.actionKey().get();
            rows = "seq IN (SELECT seq FROM " + table + " WHERE event_time >= ? AND event_time < ? AND action = ?"
                    + (key.outcome() == null ? "" : " AND outcome = ?") + ")";
            params.add(range.fromMillis());
            params.add(range.toMillis());
            params.add(key.action());
            if (key.outcome() != null) {
                params.add(key.outcome());
            }
        } else {
            rows = "event_time >= ? AND event_time < ?";
            params.add(range.fromMillis());
            params.add(range.toMillis());
        }
        String sql = "SELECT v, COUNT(*) AS n FROM (SELECT " + value + " AS v FROM " + table + " WHERE " + rows + " AND "
                + has + " AND (" + where.sql() + ")) WHERE v IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT ?";
        if (column.isEmpty()) {
            params.add("%\"" + field.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "\":%");
        }
        params.addAll(where.params());
        params.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            EventStore.bind(ps, params, 1);
            try (ResultSet rs = ps.executeQuery()) {
                List<ValueCount> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ValueCount(rs.getString(1), rs.getLong(2)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("could not count the values of " + field, e);
        }
    }

    /** From the oldest to just after the newest cached event; the "all time" range. Empty cache: an empty range. */
    public TimeRange fullRange() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(event_time), MAX(event_time) FROM events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? new TimeRange(0, 0) : new TimeRange(min, rs.getLong(2) + 1);
        } catch (SQLException e) {
            throw new StoreException("could not read the cached time range", e);
        }
    }

    private EventPage page(Connection c, SqlWhere where, TimeRange range, SortOrder order, PageCursor after,
                                  int pageSize) throws SQLException {
        boolean newest = order == SortOrder.NEWEST_FIRST;
        List<StoredEvent> events;
        if (actionCounts && where.actionKey().isPresent()) {
            // Only the minutes the action counts say hold a match, newest (or oldest) first, until the page is full.
            events = ActionCounts.inSnapshot(c, where.actionKey().get(), counts -> {
                List<StoredEvent> found = new ArrayList<>();
                for (TimeRange span : counts.spans(range, newest)) {
                    if (after != null && (newest ? span.fromMillis() > after.eventTime() : span.toMillis() <= after.eventTime())) {
                        continue; // wholly on the far side of the cursor
                    }
                    found.addAll(rows(c, where, span, newest, after, pageSize + 1 - found.size()));
                    if (found.size() > pageSize) {
                        break;
                    }
                }
                return found;
            });
        } else {
            events = rows(c, where, range, newest, after, pageSize + 1); // one more tells whether there is a next page
        }
        boolean more = events.size() > pageSize;
        List<StoredEvent> shown = more ? events.subList(0, pageSize) : events;
        return new EventPage(shown, more ? Optional.of(PageCursor.after(shown.get(shown.size() - 1))) : Optional.empty());
    }

    /** Up to {@code limit} matching events of the range in page order, after the cursor (null: from the start). */
    private List<StoredEvent> rows(Connection c, SqlWhere where, TimeRange range, boolean newest, PageCursor after, int limit)
            throws SQLException {
        long from = range.fromMillis();
        long to = range.toMillis();
        String cursor = "";
        List<Object> params = new ArrayList<>();
        if (after != null) {
            // Narrow the time range to the cursor (an index range) and drop the rows at the cursor's own time that
            // were already shown; no OR over two columns, which would defeat the index.
            if (newest) {
                to = Math.min(to, after.eventTime() + 1);
                cursor = " AND NOT (event_time = ? AND seq >= ?)";
            } else {
                from = Math.max(from, after.eventTime());
                cursor = " AND NOT (event_time = ? AND seq <= ?)";
            }
        }
        String dir = newest ? " DESC" : "";
        String sql = "SELECT " + EventStore.COLUMNS + " FROM " + table + " WHERE event_time >= ? AND event_time < ?" + cursor
                + " AND (" + where.sql() + ") ORDER BY event_time" + dir + ", seq" + dir + " LIMIT ?";
        params.add(from);
        params.add(to);
        if (after != null) {
            params.add(after.eventTime());
            params.add(after.seq());
        }
        params.addAll(where.params());
        params.add(limit);
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            EventStore.bind(ps, params, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(EventStore.read(rs));
                }
            }
        }
        return events;
    }

    private Histogram histogram(Connection c, SqlWhere where, TimeRange range, HistogramSplit split) throws SQLException {
        return histogram(c, where, range, split, Histogram.bucketMillisFor(range, MAX_BUCKETS));
    }

    /** Whether the action counts give this filter's matches exactly: the filter is nothing but an action key. */
    private boolean countsAnswer(SqlWhere where) {
        return actionCounts && where.onlyActionKey();
    }

    private Histogram histogram(Connection c, SqlWhere where, TimeRange range, HistogramSplit split, long step)
            throws SQLException {
        int bucketCount = (int) Math.max(0, (range.millis() + step - 1) / step);
        long[] counts = new long[bucketCount];
        List<Map<String, Long>> splits = new ArrayList<>();
        for (int i = 0; i < bucketCount; i++) {
            splits.add(new TreeMap<>());
        }
        if (countsAnswer(where) && step % ActionCounts.MINUTE == 0 && bucketCount <= MAX_COUNTED_BUCKETS) {
            ActionCounts.inSnapshot(c, where.actionKey().get(), actions -> {
                countFromActionCounts(c, actions, where, range, split, step, counts, splits);
                return null;
            });
        } else {
            countRows(c, where, range, range.fromMillis(), step, split.column(), "", 0, counts, splits);
        }
        List<Histogram.Bucket> buckets = new ArrayList<>(bucketCount);
        for (int i = 0; i < bucketCount; i++) {
            buckets.add(new Histogram.Bucket(range.fromMillis() + i * step, counts[i], new LinkedHashMap<>(splits.get(i))));
        }
        return new Histogram(range.fromMillis(), step, buckets);
    }

    /**
     * The histogram of an action filter: whole minutes from the counts; the minutes a bucket edge or an end of the
     * range cuts through from their rows (under the counts' mark, which the counts already hold); the events stored
     * after the mark one by one.
     */
    private void countFromActionCounts(Connection c, ActionCounts actions, SqlWhere where, TimeRange range,
                                       HistogramSplit split, long step, long[] counts, List<Map<String, Long>> splits)
            throws SQLException {
        long from = range.fromMillis();
        long to = range.toMillis();
        NavigableSet<Long> cut = new TreeSet<>();
        if (Math.floorMod(from, ActionCounts.MINUTE) != 0) { // every edge is as far into its minute as the start
            for (int i = 0; i <= counts.length; i++) {
                cut.add(ActionCounts.minuteOf(from + i * step));
            }
        }
        if (Math.floorMod(to, ActionCounts.MINUTE) != 0) {
            cut.add(ActionCounts.minuteOf(to));
        }
        long wholeFrom = Math.floorMod(from, ActionCounts.MINUTE) == 0 ? from : ActionCounts.minuteOf(from) + ActionCounts.MINUTE;
        actions.countedMinutes(wholeFrom, ActionCounts.minuteOf(to), split.column(), (minute, value, n) -> {
            if (!cut.contains(minute)) {
                ActionCounts.addTo(counts, splits, (int) ((minute - from) / step), value, n);
            }
        });
        for (long minute : cut) {
            long a = Math.max(minute, from);
            long b = Math.min(minute + ActionCounts.MINUTE, to);
            if (a < b) {
                countRows(c, where, new TimeRange(a, b), from, step, split.column(), " AND seq <= ?", actions.mark(), counts, splits);
            }
        }
        actions.forEachUncounted(range, (time, severity, sourceType) -> ActionCounts.addTo(counts, splits,
                (int) ((time - from) / step), split.valueOf(severity, sourceType), 1));
    }

    /**
     * Adds the matching rows of {@code range} to the buckets of {@code step} starting at {@code origin}; {@code extra}
     * is one more condition taking {@code extraParam}, or empty.
     */
    private void countRows(Connection c, SqlWhere where, TimeRange range, long origin, long step, String splitColumn,
                           String extra, long extraParam, long[] counts, List<Map<String, Long>> splits) throws SQLException {
        String sql = "SELECT (event_time - ?) / ? AS b" + (splitColumn == null ? "" : ", " + splitColumn)
                + ", COUNT(*) FROM " + table + " WHERE event_time >= ? AND event_time < ?" + extra + " AND (" + where.sql()
                + ") GROUP BY b" + (splitColumn == null ? "" : ", " + splitColumn);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, origin);
            ps.setLong(2, step);
            ps.setLong(3, range.fromMillis());
            ps.setLong(4, range.toMillis());
            int next = 5;
            if (!extra.isEmpty()) {
                ps.setLong(next++, extraParam);
            }
            EventStore.bind(ps, where.params(), next);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ActionCounts.addTo(counts, splits, (int) rs.getLong(1), splitColumn == null ? null : rs.getString(2),
                            rs.getLong(splitColumn == null ? 2 : 3));
                }
            }
        }
    }
}
