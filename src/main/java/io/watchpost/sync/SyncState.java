package io.watchpost.sync;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The cache's {@code sync_state} row for one target: the high-water mark and the last outcome. */
final class SyncState {

    private static final int MAX_ERROR = 4096;

    private final DataSource cache;
    private final String targetKey;

    SyncState(DataSource cache, String targetKey) {
        this.cache = cache;
        this.targetKey = targetKey;
    }

    /** The highest seq known to be committed in the target; 0 before the first push. */
    long lastSeq() throws SQLException {
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM sync_state WHERE target_key = ?")) {
            ps.setString(1, targetKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    /** Call only after the target committed every event up to {@code seq}. Never moves the mark backwards. */
    void markPushed(long seq, long nowMillis) throws SQLException {
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "MERGE INTO sync_state t USING (VALUES (CAST(? AS VARCHAR(1024)), CAST(? AS BIGINT), CAST(? AS BIGINT))) "
                             + "s(target_key, last_seq, at) ON t.target_key = s.target_key "
                             + "WHEN MATCHED THEN UPDATE SET last_seq = GREATEST(t.last_seq, s.last_seq), last_success_at = s.at "
                             + "WHEN NOT MATCHED THEN INSERT (target_key, last_seq, last_success_at) VALUES (s.target_key, s.last_seq, s.at)")) {
            ps.setString(1, targetKey);
            ps.setLong(2, seq);
            ps.setLong(3, nowMillis);
            ps.executeUpdate();
        }
    }

    /** Records why the last push failed (already redacted); leaves the mark alone. */
    void recordError(String message, long nowMillis) throws SQLException {
        String line = message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "MERGE INTO sync_state t USING (VALUES (CAST(? AS VARCHAR(1024)), CAST(? AS VARCHAR(4096)), CAST(? AS BIGINT))) "
                             + "s(target_key, err, at) ON t.target_key = s.target_key "
                             + "WHEN MATCHED THEN UPDATE SET last_error = s.err, last_error_at = s.at "
                             + "WHEN NOT MATCHED THEN INSERT (target_key, last_seq, last_error, last_error_at) VALUES (s.target_key, 0, s.err, s.at)")) {
            ps.setString(1, targetKey);
            ps.setString(2, line);
            ps.setLong(3, nowMillis);
            ps.executeUpdate();
        }
    }

    /** Events past the high-water mark. */
    long backlog() throws SQLException {
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM events WHERE seq > ?")) {
            ps.setLong(1, lastSeq());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
