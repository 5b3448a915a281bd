package io.watchpost.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.store.StoreException;
import io.watchpost.store.TeamState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Team state kept in the cache ({@code shared_objects}) and synced both ways by {@link SharedStateSync}. Features store
 * their objects here by kind and id, as JSON text; every local write is marked pending until it reached PostgreSQL.
 * <p>
 * All writes, local and from the sync, go through one lock: they are rare, and it makes "was this row edited while the
 * sync pushed it" a simple version comparison.
 * <p>
 * As {@link TeamState} it is what the features report to; a version taken from the target is handed to the kind's
 * subscribers after it is stored, outside the lock, so a subscriber writing its own tables never holds up local edits.
 */
public final class SharedObjectStore implements TeamState {

    private static final Logger LOG = LoggerFactory.getLogger(SharedObjectStore.class);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "kind, id, body, updated_at, updated_by, version, deleted, dirty, "
            + "overwritten_by, overwritten_at, remote_seq";

    private final DataSource cache;
    private final String origin;
    private final Clock clock;
    private final Map<String, List<RemoteChange>> subscribers = new ConcurrentHashMap<>();

    /**
     * @param cache  the cache's data source ({@code Cache.dataSource()})
     * @param origin names this workstation as the writer of its changes (same as the event sync's origin)
     */
    public SharedObjectStore(DataSource cache, String origin) {
        this(cache, origin, Clock.systemUTC());
    }

    public SharedObjectStore(DataSource cache, String origin, Clock clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String origin() {
        return origin;
    }

    /** Creates or replaces an object; {@code bodyJson} must be valid JSON. Clears an overwrite marker (the user acted). */
    public synchronized SharedObject put(String kind, String id, String bodyJson) {
        requireJson(bodyJson);
        return write(kind, id, bodyJson, false);
    }

    /** Deletes an object, leaving a tombstone that syncs; no-op when there is none. */
    public synchronized void delete(String kind, String id) {
        Optional<SharedObject> current = find(kind, id);
        if (current.isPresent() && !current.get().deleted()) {
            write(kind, id, current.get().body(), true);
        }
    }

    /** The object, unless absent or deleted. */
    public Optional<SharedObject> get(String kind, String id) {
        return find(kind, id).filter(o -> !o.deleted());
    }

    /** Every live object of a kind, by id. */
    public List<SharedObject> list(String kind) {
        return query("SELECT " + COLUMNS + " FROM shared_objects WHERE kind = ? AND deleted = FALSE ORDER BY id", kind)
                .stream().map(Row::object).toList();
    }

    /** The user saw the "overwritten" marker; remove it. */
    public synchronized void acknowledgeOverwrite(String kind, String id) {
        update("UPDATE shared_objects SET overwritten_by = NULL, overwritten_at = NULL WHERE kind = ? AND id = ?",
                kind, id);
    }

    // ---- TeamState, for the features ----

    @Override
    public void changed(String kind, String id, String bodyJson) {
        put(kind, id, bodyJson);
    }

    @Override
    public void deleted(String kind, String id) {
        delete(kind, id);
    }

    @Override
    public Map<String, Overwrite> overwrites(String kind) {
        Map<String, Overwrite> out = new LinkedHashMap<>();
        for (Row r : query("SELECT " + COLUMNS + " FROM shared_objects WHERE kind = ? AND deleted = FALSE "
                + "AND overwritten_by IS NOT NULL ORDER BY id", kind)) {
            out.put(r.object().id(), new Overwrite(r.object().overwrittenBy(), r.object().overwrittenAt()));
        }
        return out;
    }

    @Override
    public void acknowledge(String kind, String id) {
        acknowledgeOverwrite(kind, id);
    }

    @Override
    public Subscription subscribe(String kind, RemoteChange listener) {
        List<RemoteChange> list = subscribers.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    /**
     * Hands every object the cache holds (tombstones included) to the subscribers of its kind, as if it had just
     * been pulled. For start-up, once the features have subscribed: it brings in what a sync without them took in
     * (the {@code sync} command), and what a crash kept from reaching a feature between storing and handing on.
     * Applying is idempotent, so objects the features have already are harmless.
     */
    public void replayToSubscribers() {
        for (Row r : query("SELECT " + COLUMNS + " FROM shared_objects ORDER BY kind, id")) {
            notifySubscribers(r.object());
        }
    }

    // ---- for SharedStateSync ----

    /** A cached row with the sync's bookkeeping. */
    record Row(SharedObject object, long remoteSeq) {
    }

    Optional<SharedObject> find(String kind, String id) {
        return row(kind, id).map(Row::object);
    }

    Optional<Row> row(String kind, String id) {
        List<Row> rows = query("SELECT " + COLUMNS + " FROM shared_objects WHERE kind = ? AND id = ?", kind, id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    List<Row> pending() {
        return query("SELECT " + COLUMNS + " FROM shared_objects WHERE dirty = TRUE ORDER BY kind, id");
    }

    /** The push stored {@code pushed} as the target's {@code remoteSeq}; clean unless edited meanwhile. */
    synchronized void markPushed(SharedObject pushed, long remoteSeq) {
        update("UPDATE shared_objects SET remote_seq = ?, dirty = CASE WHEN version = ? THEN FALSE ELSE dirty END "
                + "WHERE kind = ? AND id = ?", remoteSeq, pushed.version(), pushed.kind(), pushed.id());
    }

    /**
     * Takes the target's version of an object. {@code overwrittenBy}/{@code At} set the marker (this workstation's
     * change lost); null leaves an existing marker alone. If {@code onlyIfVersion} is not null and the row was edited
     * since, nothing happens: the newer local edit gets its own turn.
     */
    boolean applyRemote(SharedObject remote, long remoteSeq, String overwrittenBy, Instant overwrittenAt,
                        Long onlyIfVersion) {
        if (!store(remote, remoteSeq, overwrittenBy, overwrittenAt, onlyIfVersion)) {
            return false;
        }
        // A local edit recorded after the store above is newer than what was pulled: the feature keeps it and the next
        // push sends it. (An edit caught between the feature's own write and its record here can still be replaced in
        // the feature's table; closing that needs both writes under one lock.)
        if (row(remote.kind(), remote.id()).map(r -> !r.object().pending()).orElse(true)) {
            notifySubscribers(remote);
        }
        return true;
    }

    private void notifySubscribers(SharedObject o) {
        for (RemoteChange s : subscribers.getOrDefault(o.kind(), List.of())) {
            try {
                s.apply(o.id(), o.body(), o.deleted());
            } catch (RuntimeException e) {
                // The object is stored here and stays right; only the feature's copy of it missed this change.
                LOG.warn("could not apply the team's change of {} {}: {}", o.kind(), o.id(), e.toString());
            }
        }
    }

    private synchronized boolean store(SharedObject remote, long remoteSeq, String overwrittenBy, Instant overwrittenAt,
                                       Long onlyIfVersion) {
        Optional<Row> local = row(remote.kind(), remote.id());
        if (local.isPresent() && onlyIfVersion != null && local.get().object().version() != onlyIfVersion) {
            return false;
        }
        if (local.isEmpty()) {
            update("INSERT INTO shared_objects (kind, id, body, updated_at, updated_by, version, remote_seq, dirty, "
                            + "deleted, overwritten_by, overwritten_at) VALUES (?, ?, ?, ?, ?, 1, ?, FALSE, ?, ?, ?)",
                    remote.kind(), remote.id(), remote.body(), remote.updatedAt().toEpochMilli(), remote.updatedBy(),
                    remoteSeq, remote.deleted(), overwrittenBy, millis(overwrittenAt));
        } else {
            update("UPDATE shared_objects SET body = ?, updated_at = ?, updated_by = ?, version = version + 1, "
                            + "remote_seq = ?, dirty = FALSE, deleted = ?, "
                            + "overwritten_by = COALESCE(?, overwritten_by), overwritten_at = COALESCE(?, overwritten_at) "
                            + "WHERE kind = ? AND id = ?",
                    remote.body(), remote.updatedAt().toEpochMilli(), remote.updatedBy(), remoteSeq, remote.deleted(),
                    overwrittenBy, millis(overwrittenAt), remote.kind(), remote.id());
        }
        return true;
    }

    // ---- plumbing ----

    private SharedObject write(String kind, String id, String body, boolean deleted) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        long now = clock.millis();
        if (find(kind, id).isPresent()) {
            update("UPDATE shared_objects SET body = ?, updated_at = ?, updated_by = ?, version = version + 1, "
                            + "dirty = TRUE, deleted = ?, overwritten_by = NULL, overwritten_at = NULL WHERE kind = ? AND id = ?",
                    body, now, origin, deleted, kind, id);
        } else {
            update("INSERT INTO shared_objects (kind, id, body, updated_at, updated_by, deleted) VALUES (?, ?, ?, ?, ?, ?)",
                    kind, id, body, now, origin, deleted);
        }
        return find(kind, id).orElseThrow();
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static void requireJson(String body) {
        try {
            JSON.readTree(Objects.requireNonNull(body, "body"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a shared object's body must be JSON: " + e.getOriginalMessage());
        }
    }

    private List<Row> query(String sql, Object... params) {
        try (Connection c = cache.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> out = new ArrayList<>();
                while (rs.next()) {
                    long overwrittenAt = rs.getLong(10);
                    Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(overwrittenAt);
                    out.add(new Row(new SharedObject(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getLong(6), rs.getBoolean(7),
                            rs.getBoolean(8), rs.getString(9), at), rs.getLong(11)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("could not read shared objects", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = cache.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not write shared objects", e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
    }
}
