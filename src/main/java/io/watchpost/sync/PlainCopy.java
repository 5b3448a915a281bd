package io.watchpost.sync;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;

/**
 * The baseline a sync is measured against: the cache's rows read the same way and COPYed in one stream into a plain
 * table (no partitions, no indexes, no dedupe). Whatever the sync costs beyond this is the price of its guarantees.
 */
public final class PlainCopy {

    private static final String TABLE = "plain_events";

    private PlainCopy() {
    }

    /** Creates (or empties) the baseline's table. */
    public static void prepare(Connection pg) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (log_group text, event_id text, log_stream text, "
                    + "event_time_ms bigint, ingest_time_ms bigint, source_type text, severity text, action text, "
                    + "outcome text, user_name text, source_ip text, message text, raw text, fields jsonb, parse_error text)");
            st.execute("TRUNCATE " + TABLE);
        }
    }

    /** COPYs every cached event into the baseline table; returns the rows copied. */
    public static long copyCache(DataSource cache, Connection pg) throws SQLException, IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg.unwrap(PGConnection.class),
                "COPY " + TABLE + " FROM STDIN", 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            return write(cache, out);
        }
    }

    /** Every cached event as the baseline's COPY text, in memory: for measuring the server's side alone. */
    public static byte[] render(DataSource cache) throws SQLException, IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            write(cache, out);
        }
        return bytes.toByteArray();
    }

    /** COPYs rows rendered by {@link #render}; returns the rows copied. */
    public static long copyRendered(byte[] rendered, Connection pg) throws SQLException, IOException {
        return pg.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + TABLE + " FROM STDIN", new java.io.ByteArrayInputStream(rendered));
    }

    private static long write(DataSource cache, Writer out) throws SQLException, IOException {
        long rows = 0;
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT log_group, event_id, log_stream, event_time, ingest_time, "
                     + "source_type, severity, action, outcome, user_name, source_ip, message, raw, fields, parse_error "
                     + "FROM events ORDER BY seq")) {
            ps.setFetchSize(1000);
            CopyTextWriter row = new CopyTextWriter(out);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.text(rs.getString(1)).text(rs.getString(2)).text(rs.getString(3))
                            .number(rs.getLong(4)).number(rs.getLong(5));
                    for (int i = 6; i <= 15; i++) {
                        row.text(i == 14 ? FieldsJson.forJsonb(rs.getString(i)) : rs.getString(i));
                    }
                    row.endRow();
                    rows++;
                }
            }
        }
        return rows;
    }
}
