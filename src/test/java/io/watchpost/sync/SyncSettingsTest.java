package io.watchpost.sync;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncSettingsTest {

    private static final String SECRET = "hunter2-Xq9!";

    @TempDir
    Path dir;

    @Test
    void savedOwnerOnlyAndReadBack() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        SyncSettingsFile file = new SyncSettingsFile(dir.resolve("sub").resolve("sync-settings.json"));
        SyncSettings settings = new SyncSettings("jdbc:postgresql://db:5432/team", "analyst", SECRET, "verify-full");
        file.save(settings);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        assertEquals(settings, file.load().orElseThrow());
        // Saving again over a looser file tightens it.
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));
        file.save(settings);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
    }

    @Test
    void passwordIsMaskedInEveryShownForm() {
        SyncSettings settings = new SyncSettings("jdbc:postgresql://db:5432/team?password=" + SECRET, "analyst", SECRET, "require");
        assertFalse(settings.toString().contains(SECRET), settings.toString());
        assertFalse(settings.masked().toString().contains(SECRET));
        assertFalse(settings.masked().url().contains(SECRET), settings.masked().url());
        assertEquals(SyncSettings.MASK, settings.masked().password());
        assertEquals(SyncSettings.MASK, settings.maskedPassword());
        assertFalse(settings.target(Map.of()).toString().contains(SECRET));
        assertEquals("", new SyncSettings("jdbc:postgresql://db/team", null, null, null).maskedPassword());
    }

    @Test
    void passwordPrecedenceUrlThenPgpasswordThenSavedThenPgpassFile() {
        SyncSettings saved = new SyncSettings("jdbc:postgresql://db/team", "analyst", "saved", "verify-full");
        assertEquals("saved", saved.target(Map.of()).password());
        assertEquals("from-env", saved.target(Map.of("PGPASSWORD", "from-env")).password());
        SyncSettings inUrl = new SyncSettings("jdbc:postgresql://db/team?password=url", "analyst", "saved", null);
        assertEquals("url", inUrl.target(Map.of("PGPASSWORD", "from-env")).password());
        // None anywhere: no password property at all, so PgJDBC reads ~/.pgpass (or PGPASSFILE) itself.
        PgTarget none = new SyncSettings("jdbc:postgresql://db/team", "analyst", null, null).target(Map.of());
        assertNull(none.password());
        assertFalse(none.connectionProperties().containsKey("password"));
        assertEquals("verify-full", saved.target(Map.of()).properties().get("sslmode"));
        assertTrue(saved.target(Map.of()).jdbcUrl().contains("sslmode=verify-full"));
        assertEquals("analyst", saved.target(Map.of()).user());
    }

    @Test
    void fromUrlSplitsOffTheCredentials() {
        SyncSettings s = SyncSettings.fromUrl("jdbc:postgresql://db:5433/team?user=bob&password=" + SECRET + "&sslmode=require", null);
        assertEquals("bob", s.user());
        assertEquals(SECRET, s.password());
        assertFalse(s.url().contains(SECRET));
        assertFalse(s.url().contains("bob"));
    }
}
