package io.watchpost.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads and writes normalized events in the cache. Writes are serialized: one append at a time commits, so the
 * {@code seq} column grows in commit order and a reader that remembers the highest seq it saw never skips a row.
 */
public final class EventStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    static final String COLUMNS = "seq, log_group, event_id, log_stream, event_time, ingest_time, source_type, severity, "
            + "action, outcome, user_name, source_ip, message, raw, fields, parse_error";

    // Duplicates are taken out before the insert (HeldEvents), so every row of the batch is new.
    private static final String INSERT = "INSERT INTO events (log_group, event_id, log_stream, event_time, ingest_time, "
            + "source_type, severity, action, outcome, user_name, source_ip, message, raw, fields, parse_error) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPSERT_OFFSET = "MERGE INTO source_offsets (source_partition, offset_json, updated_at) "
            + "KEY (source_partition) VALUES (?, ?, ?)";

    private final DataSource dataSource;
    private final Object writeLock = new Object();
    private final List<AppendListener> listeners = new CopyOnWriteArrayList<>();
    private final ApiCallTimes apiCalls = new ApiCallTimes();
    /** Read on the first append, not on open: it may have to read every key of a cache written before it existed. */
    private HeldEvents held; // guarded by writeLock

    /**
     * Told of every batch of newly stored events right after it commits, in commit order, on the writing thread and
     * under the store's write lock: it must only hand the batch off. This is how detection sees what ingestion
     * stores without reading it back from H2.
     */
    public interface AppendListener {
        /** @param lastSeq the highest seq committed with this batch (seqs grow in commit order) */
        void stored(List<Event> events, long lastSeq);
    }

    EventStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Where ingestion records how long each CloudWatch call took, beside the events those calls brought; the
     * rollups fold them into the Dashboard's latency chart ({@link Rollups#catchUp(Cache)}).
     */
    public ApiCallTimes apiCalls() {
        return apiCalls;
    }

    /**
     * Stores the events that are new and, in the same transaction, the source's offset: either both commit or
     * neither does, so a crash can never leave an offset past events that were not saved.
     */
    public AppendResult append(List<Event> events, SourceOffset offset) {
        List<EncodedEvent> encoded = new ArrayList<>(events.size());
        for (Event e : events) {
            encoded.add(EncodedEvent.of(e));
        }
        return appendEncoded(encoded, offset);
    }

    /**
     * Registers a listener and returns the highest seq committed before it: every later commit reaches the listener,
     * everything up to the returned seq is in the cache to be read.
     */
    public long listen(AppendListener listener) {
        synchronized (writeLock) {
            listeners.add(listener);
            return maxSeq();
        }
    }

    public void unlisten(AppendListener listener) {
        listeners.remove(listener);
    }

    /** The highest committed seq, read between two commits: no batch is ever half below it. */
    public long committedSeq() {
        synchronized (writeLock) {
            return maxSeq();
        }
    }

    /** {@link #append(List, SourceOffset)} of events the caller already encoded, off the writing thread. */
    public AppendResult appendEncoded(List<EncodedEvent> events, SourceOffset offset) {
        synchronized (writeLock) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (held == null) {
                        held = HeldEvents.load(c);
                    }
                    List<EncodedEvent> fresh = held.unseen(c, events);
                    List<Event> stored = insert(c, fresh);
                    if (offset != null) {
                        try (PreparedStatement ps = c.prepareStatement(UPSERT_OFFSET)) {
                            ps.setString(1, offset.partition());
                            ps.setString(2, offset.offsetJson());
                            ps.setLong(3, System.currentTimeMillis());
                            ps.executeUpdate();
                        }
                    }
                    long lastSeq = listeners.isEmpty() || stored.isEmpty() ? 0 : maxSeq(c);
                    held.add(fresh);
                    if (held.dueForSave()) {
                        // with the events it covers: a crash cannot leave it claiming rows not saved
                        held.save(c, maxSeq(c));
                    }
                    c.commit();
                    if (lastSeq > 0) {
                        for (AppendListener l : listeners) {
                            l.stored(stored, lastSeq);
                        }
                    }
                    return new AppendResult(stored.size(), events.size() - stored.size());
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException("could not store " + events.size() + " events", e);
            }
        }
    }

    public AppendResult append(List<Event> events) {
        return append(events, null);
    }

    /** Inserts events the cache does not hold yet and returns them. */
    private static List<Event> insert(Connection c, List<EncodedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            List<Event> stored = new ArrayList<>(events.size());
            for (EncodedEvent e : events) {
                bindEvent(ps, e);
                ps.addBatch();
                stored.add(e.event());
            }
            ps.executeBatch();
            return stored;
        }
    }

    private static void bindEvent(PreparedStatement ps, EncodedEvent encoded) throws SQLException {
        Event e = encoded.event();
        ps.setString(1, e.logGroup());
        ps.setString(2, e.eventId());
        ps.setString(3, e.logStream() == null ? "" : e.logStream());
        ps.setLong(4, e.eventTime().toEpochMilli());
        ps.setLong(5, e.ingestTime().toEpochMilli());
        ps.setString(6, e.sourceType());
        ps.setString(7, e.severity().name());
        setNullable(ps, 8, e.action());
        setNullable(ps, 9, e.outcome());
        setNullable(ps, 10, e.user());
        setNullable(ps, 11, e.sourceIp());
        setNullable(ps, 12, e.message());
        ps.setString(13, e.raw());
        ps.setString(14, encoded.fieldsJson());
        setNullable(ps, 15, e.parseError());
    }

    /** Saves the filter of held events: the next open then need not read back what was stored since the last save. */
    void saveHeldEvents() {
        synchronized (writeLock) {
            if (held == null) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                held.save(c, maxSeq(c));
            } catch (SQLException e) {
                throw new StoreException("could not save the filter of held events", e);
            }
        }
    }

    /** The offset last committed for a source partition. */
    public Optional<String> offset(String partition) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT offset_json FROM source_offsets WHERE source_partition = ?")) {
            ps.setString(1, partition);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the offset of " + partition, e);
        }
    }

    public long count() {
        return count(SqlWhere.ALL);
    }

    public long count(SqlWhere where) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM events WHERE " + where.sql())) {
            bind(ps, where.params(), 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("could not count events", e);
        }
    }

    /** Matching events, newest first (or oldest first), at most {@code limit}. */
    public List<StoredEvent> find(SqlWhere where, int limit, boolean newestFirst) {
        String order = newestFirst ? "event_time DESC, seq DESC" : "event_time, seq";
        return select("SELECT " + COLUMNS + " FROM events WHERE " + where.sql() + " ORDER BY " + order + " LIMIT ?",
                where.params(), limit);
    }

    /** Events stored after {@code seq}, in storage order: how the window follows new arrivals. */
    public List<StoredEvent> after(long seq, int limit) {
        return select("SELECT " + COLUMNS + " FROM events WHERE seq > ? ORDER BY seq LIMIT ?", List.of(seq), limit);
    }

    public long maxSeq() {
        try (Connection c = dataSource.getConnection()) {
            return maxSeq(c);
        } catch (SQLException e) {
            throw new StoreException("could not read the newest event", e);
        }
    }

    private static long maxSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<StoredEvent> select(String sql, List<Object> params, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int next = bind(ps, params, 1);
            ps.setInt(next, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<StoredEvent> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("could not read events", e);
        }
    }

    /** Maps one row of {@link #COLUMNS} back to the event model. */
    static StoredEvent read(ResultSet rs) throws SQLException {
        Event e = new Event(Instant.ofEpochMilli(rs.getLong("event_time")), Instant.ofEpochMilli(rs.getLong("ingest_time")),
                rs.getString("log_group"), rs.getString("log_stream"), rs.getString("event_id"),
                rs.getString("source_type"), Severity.valueOf(rs.getString("severity")), rs.getString("action"),
                rs.getString("outcome"), rs.getString("user_name"), rs.getString("source_ip"), rs.getString("message"),
                rs.getString("raw"), fromJson(rs.getString("fields")), rs.getString("parse_error"));
        return new StoredEvent(rs.getLong("seq"), e);
    }

    static int bind(PreparedStatement ps, List<Object> params, int first) throws SQLException {
        int i = first;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt fields column", e);
        }
    }
}
