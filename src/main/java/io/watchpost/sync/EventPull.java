package io.watchpost.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.store.EventStore;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Loads a time range of events for chosen log groups from the target into the cache, for an investigator whose
 * workstation was not ingesting them. {@link EventStore#append} skips events the cache already holds. The rows it
 * stored are recorded as pulled ({@link PulledRanges}), so the push does not send them back.
 */
public final class EventPull {

    private static final int PAGE = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final PgTarget target;
    private final EventStore store;
    private final DataSource cache;
    private final PulledRanges pulled;

    /** What one pull did. */
    public record Report(long read, long stored, long alreadyCached) {
    }

    public EventPull(PgTarget target, EventStore store, DataSource cache) {
        this.target = Objects.requireNonNull(target, "target");
        this.store = Objects.requireNonNull(store, "store");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.pulled = new PulledRanges(cache, target.key());
    }

    /** Events with {@code from <= event_time < to} in {@code logGroups} (all groups when empty). */
    public Report pull(Instant from, Instant to, List<String> logGroups) {
        long read = 0;
        long stored = 0;
        try (Connection pg = target.connect()) {
            pg.setAutoCommit(false); // PgJDBC streams with a cursor only inside a transaction
            String sql = "SELECT log_group, event_id, log_stream, event_time, ingest_time, source_type, severity, action, "
                    + "outcome, user_name, source_ip, message, raw, fields::text, parse_error FROM events "
                    + "WHERE event_time >= ? AND event_time < ? AND (cardinality(?::text[]) = 0 OR log_group = ANY (?::text[]))";
            try (PreparedStatement ps = pg.prepareStatement(sql)) {
                Array groups = pg.createArrayOf("text", logGroups.toArray());
                ps.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                ps.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                ps.setArray(3, groups);
                ps.setArray(4, groups);
                ps.setFetchSize(PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Event> page = new ArrayList<>(PAGE);
                    while (rs.next()) {
                        page.add(event(rs));
                        if (page.size() == PAGE) {
                            stored += store(page);
                            read += page.size();
                            page.clear();
                        }
                    }
                    stored += store(page);
                    read += page.size();
                }
            }
            pg.commit();
        } catch (SQLException | RuntimeException e) {
            throw e instanceof SyncException se ? se : SyncFailures.of(target, "pull", e);
        }
        return new Report(read, stored, read - stored);
    }

    private long store(List<Event> page) throws SQLException {
        if (page.isEmpty()) {
            return 0;
        }
        long before = maxSeq();
        int stored = store.append(page).stored();
        // Whoever inserted these keys after `before` (this append, or an ingest of the same events racing it), the
        // target holds them: it just returned them.
        pulled.add(seqsOf(page, before));
        return stored;
    }

    private long maxSeq() throws SQLException {
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long[] seqsOf(List<Event> page, long after) throws SQLException {
        long[] seqs = new long[page.size()];
        int n = 0;
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     // the time finds the row through the time index; a copy of an event carries its time
                     "SELECT seq FROM events WHERE event_time = ? AND log_group = ? AND event_id = ? AND seq > ?")) {
            for (Event e : page) {
                ps.setLong(1, e.eventTime().toEpochMilli());
                ps.setString(2, e.logGroup());
                ps.setString(3, e.eventId());
                ps.setLong(4, after);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        seqs[n++] = rs.getLong(1);
                    }
                }
            }
        }
        return java.util.Arrays.copyOf(seqs, n);
    }

    private static Event event(ResultSet rs) throws SQLException {
        try {
            return new Event(rs.getObject(4, OffsetDateTime.class).toInstant(),
                    rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(1), rs.getString(3), rs.getString(2),
                    rs.getString(6), Severity.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
                    rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                    JSON.readValue(rs.getString(14), FIELDS), rs.getString(15));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the target holds a fields column that is not a JSON object of strings", e);
        }
    }
}
