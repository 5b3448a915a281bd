package io.watchpost.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How much changed data H2 may hold in memory before it writes a chunk to the file, raised from H2's 19 MB.
 *
 * <p>Why: H2's MVStore copies a B-tree page on every change and counts each copy, the leaf and every page above it,
 * as new unsaved memory, even when the page it copies was never saved. With three B-trees per event row (the table
 * and two indexes), each change counted twice (insert, then commit), that estimate reached 19 MB every ~3,500 events,
 * and each write re-serialized every page touched since the last: the same index leaves, over and over. Measured on
 * the 2-core machine with the UI stall bench's events, 500,000 appends after 100,000, three runs each: at 19 MB,
 * 1,840-1,910 bytes written per event and 12.0-12.7 s of CPU on H2's serialization thread; at 64 MB, 860-890 bytes
 * and 4.9-5.8 s; 63-68 against 50-54 µs of CPU per event in all (both cores, collector and compiler included).
 * 192 MB did no better than 64. H2 still writes at least every 500 ms (its write delay), so what a crash can lose
 * is unchanged, and the events and their source offset still commit together.
 *
 * <p>H2 exposes no setting for it (its builder option {@code autoCommitBufferSize} is not reachable through the JDBC
 * URL), so this sets the field; when a new H2 lays it out differently, the cache still works, only slower, with a
 * warning in the log, and {@code StoreBufferLimitTest} fails.
 */
final class StoreBufferLimit {

    private static final Logger LOG = LoggerFactory.getLogger(StoreBufferLimit.class);

    /** Bytes of H2's estimate, which counts every page copy: many times the memory really held. */
    static final int BYTES = 64 << 20;

    private StoreBufferLimit() {
    }

    /** Raises the limit of the store behind {@code dataSource}; false (and a warning) when this H2 does not allow it. */
    static boolean raise(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            Field limit = MVStore.class.getDeclaredField("autoCommitMemory");
            limit.setAccessible(true);
            limit.setInt(mvStore(c), BYTES);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | SQLException e) {
            LOG.warn("H2's write buffer stays at its default (ingest will be slower): {}", e.toString());
            return false;
        }
    }

    /** The limit in force, as H2 reports it. */
    static int current(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return mvStore(c).getAutoCommitMemory();
        }
    }

    private static MVStore mvStore(Connection c) throws SQLException {
        return ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
    }
}
