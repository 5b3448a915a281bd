package io.watchpost.sync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** "Test connection" for the sync settings: logs in as a sync would and asks the server what it is. */
public final class PgConnectionCheck {

    private PgConnectionCheck() {
    }

    /**
     * The server's {@code version()}, e.g. "PostgreSQL 16.4 on x86_64-pc-linux-gnu …". Blocking (up to the connect
     * timeout). Throws {@link SyncException} with the reason, without the password.
     */
    public static String serverVersion(PgTarget target) {
        try (Connection c = target.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException | RuntimeException e) {
            throw SyncFailures.of(target, "testing the connection", e);
        }
    }
}
