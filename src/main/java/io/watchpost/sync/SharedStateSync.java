package io.watchpost.sync;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Syncs the cache's {@link SharedObjectStore} with the target's {@code shared_objects}, both ways.
 * <p>
 * A push whose base ({@code remote_seq}) is still the target's current {@code change_seq} is a plain update. Otherwise
 * two workstations changed the object concurrently and the last writer wins: the later {@code updated_at}, then the
 * greater origin as a tiebreak, so every workstation decides the same way. The losing side is marked: if the local
 * change loses, the cached row takes the winner and records who overwrote it; if it wins, the target's row records
 * whose change it replaced, and that workstation sets its marker when it pulls.
 */
public final class SharedStateSync {

    /** Orders concurrent versions: the greatest is the last writer. */
    static final Comparator<SharedObject> LAST_WRITER = Comparator.comparing(SharedObject::updatedAt)
            .thenComparing(SharedObject::updatedBy);

    private static final int PULL_PAGE = 1000;

    private final SharedObjectStore store;
    private final DataSource cache;
    private final PgTarget target;
    private final Clock clock;
    private boolean migrated;

    /** What one {@link #syncOnce()} did. */
    public record Report(int pushed, int pulled, int conflicts) {
    }

    public SharedStateSync(SharedObjectStore store, DataSource cache, PgTarget target) {
        this(store, cache, target, Clock.systemUTC());
    }

    SharedStateSync(SharedObjectStore store, DataSource cache, PgTarget target, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.target = Objects.requireNonNull(target, "target");
        this.clock = clock;
    }

    /** Pushes pending local changes, then pulls everything changed in the target since the last pull. */
    public synchronized Report syncOnce() {
        try (Connection pg = target.connect()) {
            if (!migrated) {
                PgSchema.migrate(target);
                migrated = true;
            }
            int[] pushed = push(pg);
            int[] pulled = pull(pg);
            return new Report(pushed[0], pulled[0], pushed[1] + pulled[1]);
        } catch (SQLException | RuntimeException e) {
            throw e instanceof SyncException se ? se : SyncFailures.of(target, "syncing shared state", e);
        }
    }

    /** Returns {pushed, conflicts}. */
    private int[] push(Connection pg) throws SQLException {
        List<SharedObjectStore.Row> pending = store.pending();
        if (pending.isEmpty()) {
            return new int[]{0, 0};
        }
        record Outcome(SharedObject local, long seq, SharedObject winner, long winnerSeq) {
        }
        List<Outcome> outcomes = new ArrayList<>();
        int conflicts = 0;
        pg.setAutoCommit(false);
        try {
            try (Statement st = pg.createStatement()) {
                // Writers one at a time, from nextval to commit: change_seq then becomes visible in increasing order.
                st.execute("LOCK TABLE shared_objects IN SHARE ROW EXCLUSIVE MODE");
            }
            for (SharedObjectStore.Row row : pending) {
                SharedObject local = row.object();
                Optional<Remote> remote = readRemote(pg, local.kind(), local.id());
                if (remote.isEmpty() || remote.get().seq() == row.remoteSeq()) {
                    outcomes.add(new Outcome(local, write(pg, local, null, null), null, 0));
                } else if (sameVersion(local, remote.get().object())) {
                    // Pushed before, but the cache did not record it (a crash between the two commits).
                    outcomes.add(new Outcome(local, remote.get().seq(), null, 0));
                } else {
                    conflicts++;
                    SharedObject theirs = remote.get().object();
                    if (LAST_WRITER.compare(local, theirs) > 0) {
                        outcomes.add(new Outcome(local, write(pg, local, theirs.updatedBy(), clock.instant()), null, 0));
                    } else {
                        outcomes.add(new Outcome(local, 0, theirs, remote.get().seq()));
                    }
                }
            }
            pg.commit();
        } catch (SQLException | RuntimeException e) {
            pg.rollback();
            throw e;
        } finally {
            pg.setAutoCommit(true);
        }
        // Only now that PostgreSQL committed: a crash before this point leaves the rows pending, and the next push
        // recognizes its own version in the target (sameVersion above).
        for (Outcome o : outcomes) {
            if (o.winner() == null) {
                store.markPushed(o.local(), o.seq());
            } else {
                store.applyRemote(o.winner(), o.winnerSeq(), o.winner().updatedBy(), clock.instant(), o.local().version());
            }
        }
        return new int[]{pending.size(), conflicts};
    }

    /** Returns {pulled, conflicts}. */
    private int[] pull(Connection pg) throws SQLException {
        long cursor = pulledSeq();
        int pulled = 0;
        int conflicts = 0;
        while (true) {
            List<Remote> page = new ArrayList<>();
            try (PreparedStatement ps = pg.prepareStatement("SELECT kind, id, body, updated_at, updated_by, deleted, "
                    + "change_seq, replaced_origin, replaced_at FROM shared_objects WHERE change_seq > ? "
                    + "ORDER BY change_seq LIMIT ?")) {
                ps.setLong(1, cursor);
                ps.setInt(2, PULL_PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(remote(rs));
                    }
                }
            }
            for (Remote r : page) {
                conflicts += take(r) ? 1 : 0;
                cursor = r.seq();
            }
            pulled += page.size();
            setPulledSeq(cursor);
            if (page.size() < PULL_PAGE) {
                return new int[]{pulled, conflicts};
            }
        }
    }

    /** Applies one pulled change; true if it overwrote a pending local change. */
    private boolean take(Remote r) {
        SharedObject theirs = r.object();
        Optional<SharedObjectStore.Row> local = store.row(theirs.kind(), theirs.id());
        if (local.isPresent() && local.get().remoteSeq() >= r.seq()) {
            return false; // this cache pushed it, or pulled it already
        }
        boolean replacedMe = store.origin().equals(r.replacedOrigin());
        if (local.isEmpty() || !local.get().object().pending()) {
            store.applyRemote(theirs, r.seq(), replacedMe ? theirs.updatedBy() : null,
                    replacedMe ? r.replacedAt() : null, local.map(l -> l.object().version()).orElse(null));
            return false;
        }
        SharedObject mine = local.get().object();
        if (LAST_WRITER.compare(mine, theirs) > 0) {
            return false; // mine stays pending; its push will find the conflict and record it in the target
        }
        store.applyRemote(theirs, r.seq(), theirs.updatedBy(), clock.instant(), mine.version());
        return true;
    }

    private static boolean sameVersion(SharedObject a, SharedObject b) {
        return a.updatedAt().equals(b.updatedAt()) && a.updatedBy().equals(b.updatedBy())
                && a.deleted() == b.deleted() && a.body().equals(b.body());
    }

    private record Remote(SharedObject object, long seq, String replacedOrigin, Instant replacedAt) {
    }

    private static Optional<Remote> readRemote(Connection pg, String kind, String id) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT kind, id, body, updated_at, updated_by, deleted, "
                + "change_seq, replaced_origin, replaced_at FROM shared_objects WHERE kind = ? AND id = ?")) {
            ps.setString(1, kind);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(remote(rs)) : Optional.empty();
            }
        }
    }

    private static Remote remote(ResultSet rs) throws SQLException {
        OffsetDateTime replacedAt = rs.getObject(9, OffsetDateTime.class);
        SharedObject o = new SharedObject(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), 0, rs.getBoolean(6), false, null, null);
        return new Remote(o, rs.getLong(7), rs.getString(8), replacedAt == null ? null : replacedAt.toInstant());
    }

    /** Upserts the local version into the target with a new change_seq; returns that seq. */
    private static long write(Connection pg, SharedObject o, String replacedOrigin, Instant replacedAt) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("INSERT INTO shared_objects (kind, id, body, updated_at, "
                + "updated_by, deleted, change_seq, replaced_origin, replaced_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, nextval('shared_objects_change_seq'), ?, ?) "
                + "ON CONFLICT (kind, id) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at, "
                + "updated_by = EXCLUDED.updated_by, deleted = EXCLUDED.deleted, change_seq = EXCLUDED.change_seq, "
                + "replaced_origin = EXCLUDED.replaced_origin, replaced_at = EXCLUDED.replaced_at "
                + "RETURNING change_seq")) {
            ps.setString(1, o.kind());
            ps.setString(2, o.id());
            ps.setString(3, o.body());
            ps.setObject(4, OffsetDateTime.ofInstant(o.updatedAt(), ZoneOffset.UTC));
            ps.setString(5, o.updatedBy());
            ps.setBoolean(6, o.deleted());
            ps.setString(7, replacedOrigin);
            ps.setObject(8, replacedAt == null ? null : OffsetDateTime.ofInstant(replacedAt, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long pulledSeq() throws SQLException {
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pulled_seq FROM shared_sync_state WHERE target_key = ?")) {
            ps.setString(1, target.key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    private void setPulledSeq(long seq) throws SQLException {
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "MERGE INTO shared_sync_state (target_key, pulled_seq) KEY (target_key) VALUES (?, ?)")) {
            ps.setString(1, target.key());
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }
}
