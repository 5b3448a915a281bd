package io.watchpost.app;

import io.watchpost.ui.AppStartup;
import io.watchpost.ui.settings.AppSettings;
import io.watchpost.ui.settings.SourceKind;
import io.watchpost.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher reads the settings before the window exists: none on a first run, the saved ones afterwards. */
class GuiLauncherTest {

    @TempDir
    Path dataDir;

    @Test
    void aFirstRunStartsOnTheWelcomeScreenAndALaterRunWithTheSavedSettings() {
        DesktopSessions sessions = new DesktopSessions(dataDir.resolve("demo-cache"), dataDir.resolve("cache"));
        AppStartup first = GuiLauncher.startup(dataDir, sessions);
        assertTrue(first.initial().needsWelcome());
        assertEquals(dataDir.resolve("settings.json").toAbsolutePath(), first.store().file());

        first.store().save(AppSettings.FIRST_RUN.withDemo().withTheme(Theme.DARK));
        AppStartup second = GuiLauncher.startup(dataDir, sessions);
        assertEquals(SourceKind.DEMO, second.initial().source());
        assertEquals(Theme.DARK, second.initial().theme());
    }
}
