package io.watchpost.sync;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgTargetTest {

    private static final String SECRET = "p@ss w%rd&x=1";
    private static final String URL = "jdbc:postgresql://db.example.org:6543/watch?user=analyst&password="
            + "p%40ss+w%25rd%26x%3D1&sslmode=require";

    @Test
    void parsesAddressCredentialsAndOptions() {
        PgTarget t = PgTarget.parse(URL, Map.of());
        assertEquals("db.example.org:6543", t.hosts());
        assertEquals("watch", t.database());
        assertEquals("analyst", t.user());
        assertEquals(SECRET, t.password());
        assertEquals(Map.of("sslmode", "require"), t.properties());
        assertEquals("postgresql://db.example.org:6543/watch", t.key());
        assertEquals("jdbc:postgresql://db.example.org:6543/watch?sslmode=require", t.jdbcUrl());
        assertEquals(SECRET, t.connectionProperties().getProperty("password"));
    }

    @Test
    void passwordNeverShowsInRedactedFormsOrKey() {
        PgTarget t = PgTarget.parse(URL, Map.of());
        for (String shown : new String[]{t.toString(), t.redacted(), t.key(), t.jdbcUrl()}) {
            assertFalse(shown.contains(SECRET), shown);
            assertFalse(shown.contains("p%40ss"), shown);
            assertFalse(shown.contains("w%25rd"), shown);
        }
        assertEquals("jdbc:postgresql://db.example.org:6543/watch?user=analyst&password=***&sslmode=require", t.redacted());
        assertTrue(t.toString().contains("password=***"));
        assertEquals("connection to *** failed", t.scrub("connection to " + SECRET + " failed"));
    }

    @Test
    void passwordComesFromPgpasswordWhenTheUrlHasNone() {
        PgTarget t = PgTarget.parse("jdbc:postgresql://h/db?user=u", Map.of("PGPASSWORD", "fromenv"));
        assertEquals("fromenv", t.password());
        assertEquals("h:5432", t.hosts());
        assertFalse(t.toString().contains("fromenv"));
        PgTarget urlWins = PgTarget.parse("jdbc:postgresql://h/db?user=u&password=inurl", Map.of("PGPASSWORD", "fromenv"));
        assertEquals("inurl", urlWins.password());
    }

    @Test
    void noPasswordAtAll() {
        PgTarget t = PgTarget.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres", Map.of());
        assertNull(t.password());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test?user=postgres", t.redacted());
        assertFalse(t.connectionProperties().containsKey("password"));
    }

    @Test
    void userInfoInTheAuthorityIsTakenApart() {
        PgTarget t = PgTarget.parse("jdbc:postgresql://bob:hunter2@h:1/db", Map.of());
        assertEquals("bob", t.user());
        assertEquals("hunter2", t.password());
        assertEquals("h:1", t.hosts());
        assertFalse(t.toString().contains("hunter2"));
    }

    @Test
    void keyIgnoresCredentialsAndOptions() {
        assertEquals(PgTarget.parse("jdbc:postgresql://h:1/db?user=a&password=x", Map.of()).key(),
                PgTarget.parse("jdbc:postgresql://h:1/db?user=b&sslmode=require", Map.of()).key());
    }

    @Test
    void badUrlsAreRejectedWithoutEchoingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgTarget.parse("jdbc:mysql://h/db?password=topsecret", Map.of()));
        assertFalse(e.getMessage().contains("topsecret"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> PgTarget.parse("jdbc:postgresql://h/db?password=top%zzsecret", Map.of()));
        assertFalse(bad.getMessage().contains("secret"));
    }
}
