package io.watchpost.testing;

import io.watchpost.sync.PgTarget;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, uniquely named PostgreSQL database for one test class, dropped afterwards, so tests never meet each
 * other's rows or leftovers of an earlier run.
 * <p>
 * The server comes from env {@code WATCHPOST_TEST_PG_URL}, else {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres};
 * that database is only used as the maintenance connection for CREATE/DROP DATABASE. When env {@code CI} or
 * {@code WATCHPOST_TEST_PG_URL} is set, an unreachable server fails the tests; otherwise the tests are skipped with a
 * message saying how to run them.
 * <p>
 * Use it as an extension: {@code @RegisterExtension static final PostgresTestDatabase PG = new PostgresTestDatabase();}
 * (database created before all tests, dropped after), or directly: {@code try (var db = PostgresTestDatabase.create()) …}.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final String URL_ENV = "WATCHPOST_TEST_PG_URL";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private PgTarget maintenance;
    private PgTarget database;

    /** Creates the database now (outside JUnit's lifecycle); close() drops it. Skips or fails like the extension. */
    public static PostgresTestDatabase create() {
        PostgresTestDatabase db = new PostgresTestDatabase();
        db.createDatabase("adhoc");
        return db;
    }

    /** As {@link #create()}, with the server and the skip-or-fail rule given instead of read from the environment. */
    public static PostgresTestDatabase create(String maintenanceUrl, boolean mustRun) {
        PostgresTestDatabase db = new PostgresTestDatabase();
        db.createDatabase("adhoc", maintenanceUrl, mustRun);
        return db;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        createDatabase(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** The test database's JDBC URL, with the maintenance URL's user, password and options. */
    public String url() {
        String base = database().jdbcUrl();
        // Put credentials back in, as a test of URL handling would receive them from a user.
        StringBuilder url = new StringBuilder(base).append(base.contains("?") ? '&' : '?')
                .append("user=").append(java.net.URLEncoder.encode(database.user(), java.nio.charset.StandardCharsets.UTF_8));
        if (database.password() != null) {
            url.append("&password=").append(java.net.URLEncoder.encode(database.password(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    public PgTarget target() {
        return database();
    }

    public String name() {
        return database().database();
    }

    /** A new connection to the test database (autocommit on). */
    public Connection connect() throws SQLException {
        return database().connect();
    }

    private PgTarget database() {
        if (database == null) {
            throw new IllegalStateException("the test database has not been created (register the extension as static)");
        }
        return database;
    }

    private void createDatabase(String purpose) {
        String configured = System.getenv(URL_ENV);
        boolean mustRun = configured != null || System.getenv("CI") != null;
        createDatabase(purpose, configured != null ? configured : DEFAULT_URL, mustRun);
    }

    private void createDatabase(String purpose, String maintenanceUrl, boolean mustRun) {
        maintenance = PgTarget.parse(maintenanceUrl);
        String name = ("wp_" + purpose.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT));
        name = name.substring(0, Math.min(name.length(), 40)) + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = maintenance.connect(); Statement st = c.createStatement()) {
            // The name is built from letters, digits and a random suffix above, so splicing it in is safe.
            st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            String why = "PostgreSQL at " + maintenance.hosts() + " is not usable (" + firstLine(e) + ")";
            if (mustRun) {
                throw new IllegalStateException(why + "; CI or " + URL_ENV + " is set, so the PostgreSQL tests must run", e);
            }
            Assumptions.abort(why + ". To run these tests start PostgreSQL (pg_ctlcluster <version> main start) "
                    + "or set " + URL_ENV + "=jdbc:postgresql://host:port/db?user=…");
        }
        database = maintenance.withDatabase(name);
    }

    @Override
    public void close() {
        if (database == null) {
            return;
        }
        try (Connection c = maintenance.connect(); Statement st = c.createStatement()) {
            // FORCE (PostgreSQL 13+) ends connections a test left open, e.g. in a pool.
            st.execute("DROP DATABASE IF EXISTS " + database.database() + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + database.database() + ": " + firstLine(e), e);
        } finally {
            database = null;
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
