package io.watchpost.sync;

import io.watchpost.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The helper's skip-or-fail rule, and that each database is fresh and gone afterwards. */
class PostgresTestDatabaseTest {

    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hush";

    @Test
    void unreachableServerSkipsWithAHowToWhenNotRequired() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> PostgresTestDatabase.create(NOWHERE, false));
        assertTrue(skipped.getMessage().contains("WATCHPOST_TEST_PG_URL"), skipped.getMessage());
        assertTrue(skipped.getMessage().contains("start PostgreSQL"), skipped.getMessage());
        assertFalse(skipped.getMessage().contains("hush"));
    }

    @Test
    void unreachableServerFailsWhenRequired() {
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> PostgresTestDatabase.create(NOWHERE, true));
        assertFalse(failed.getMessage().contains("hush"));
    }

    @Test
    void createsAFreshDatabaseAndDropsIt() throws SQLException {
        String name;
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            name = db.name();
            try (Connection c = db.connect()) {
                assertTrue(c.isValid(2));
                assertFalse(TestEvents.count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") > 0);
            }
        }
        String url = System.getenv().getOrDefault(PostgresTestDatabase.URL_ENV, PostgresTestDatabase.DEFAULT_URL);
        try (Connection c = PgTarget.parse(url).connect();
             var ps = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertTrue(rs.getLong(1) == 0, name + " was dropped");
            }
        }
    }
}
