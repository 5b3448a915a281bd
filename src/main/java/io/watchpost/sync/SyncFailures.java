package io.watchpost.sync;

import java.sql.SQLException;

/** Turns what went wrong into a one-line {@link SyncException} message that names the target but no password. */
final class SyncFailures {

    private SyncFailures() {
    }

    static SyncException of(PgTarget target, String doing, Throwable cause) {
        String where = target.hosts() + "/" + target.database();
        String state = sqlState(cause);
        String detail = firstLine(cause);
        String message;
        if (state != null && state.startsWith("08")) {
            message = "cannot connect to PostgreSQL at " + where + ": " + detail
                    + " (is the server running, and are host and port right?)";
        } else if ("28P01".equals(state) || "28000".equals(state)) {
            message = "PostgreSQL at " + where + " refused the login of user '" + target.user()
                    + "': check the user and password (URL password= or PGPASSWORD) [" + state + "]";
        } else if ("3D000".equals(state)) {
            message = "PostgreSQL at " + where + " has no database '" + target.database() + "'";
        } else {
            message = doing + " on PostgreSQL at " + where + " failed: " + detail + (state != null ? " [" + state + "]" : "");
        }
        return new SyncException(target.scrub(message), cause);
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String firstLine(Throwable t) {
        // Flyway wraps the driver's exception; the driver's own message is the useful one.
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException) {
                root = c;
                break;
            }
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl).strip() : m;
    }
}
