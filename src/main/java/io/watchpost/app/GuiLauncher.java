package io.watchpost.app;

import io.watchpost.store.DataDirectories;
import io.watchpost.ui.AppStartup;
import io.watchpost.ui.WatchpostApplication;
import io.watchpost.ui.settings.AppSettings;
import io.watchpost.ui.settings.SettingsStore;

import java.nio.file.Path;

/**
 * Opens the window. Settings are read here, on the launching thread before JavaFX starts, so the window opens at
 * its remembered place and theme without file I/O on the FX thread. No settings yet: the welcome screen asks.
 */
final class GuiLauncher {

    static final String SETTINGS_FILE = "settings.json";

    private GuiLauncher() {
    }

    static void launch() {
        WatchpostApplication.launch(startup(DataDirectories.userDataDir(), DesktopSessions.inUserDataDir()));
    }

    static AppStartup startup(Path dataDir, DesktopSessions sessions) {
        SettingsStore store = new SettingsStore(dataDir.resolve(SETTINGS_FILE));
        AppSettings initial = store.load().orElse(AppSettings.FIRST_RUN);
        return new AppStartup(sessions, store, initial, dataDir);
    }
}
