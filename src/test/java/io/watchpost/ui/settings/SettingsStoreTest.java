package io.watchpost.ui.settings;

import io.watchpost.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings survive a restart exactly, stay private to their owner, and a broken file never blocks starting. */
class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void aFirstRunHasNoSettingsAndNeedsTheWelcomeScreen() {
        SettingsStore store = new SettingsStore(dir.resolve("watchpost/settings.json"));
        assertEquals(Optional.empty(), store.load());
        assertTrue(AppSettings.FIRST_RUN.needsWelcome());
    }

    @Test
    void settingsRoundTripThroughJson() {
        SettingsStore store = new SettingsStore(dir.resolve("watchpost/settings.json"));
        AppSettings saved = AppSettings.FIRST_RUN
                .withAws(new AwsSource("prod-readonly", "eu-west-1", List.of("/aws/cloudtrail/management", "/var/log/secure")))
                .withTheme(Theme.DARK)
                .withWindow(new WindowGeometry(120.5, 64, 1300, 820, true));
        store.save(saved);
        AppSettings loaded = new SettingsStore(dir.resolve("watchpost/settings.json")).load().orElseThrow();
        assertEquals(saved, loaded);
        assertFalse(loaded.needsWelcome());
        assertEquals(SourceKind.AWS, loaded.source());

        store.save(loaded.withDemo().withTheme(Theme.LIGHT));
        assertEquals(SourceKind.DEMO, store.load().orElseThrow().source());
        assertEquals("prod-readonly", store.load().orElseThrow().aws().profile(), "the AWS form keeps its values");
    }

    @Test
    void theFileIsOwnerOnlyAndHoldsNoSecrets() throws Exception {
        Path file = dir.resolve("watchpost/settings.json");
        new SettingsStore(file).save(AppSettings.FIRST_RUN.withAws(new AwsSource(null, "us-east-1", List.of("/app/orders"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        String json = Files.readString(file).toLowerCase(Locale.ROOT);
        for (String secret : List.of("secret", "accesskey", "access_key", "token", "password")) {
            assertFalse(json.contains(secret), secret + " in " + json);
        }
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary files left behind");
        }
    }

    @Test
    void anUnreadableFileIsSetAsideAndTreatedAsAFirstRun() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");
        assertEquals(Optional.empty(), new SettingsStore(file).load());
        assertTrue(Files.exists(dir.resolve("settings.json.unreadable")));
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"source\":\"DEMO\",\"theme\":\"DARK\",\"futureThing\":42}");
        AppSettings s = new SettingsStore(file).load().orElseThrow();
        assertEquals(SourceKind.DEMO, s.source());
        assertEquals(Theme.DARK, s.theme());
    }
}
