package io.watchpost.ui;

import io.watchpost.ui.settings.AppSettings;
import io.watchpost.ui.settings.SettingsStore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@link WatchpostApplication} needs before its first frame, prepared by the wiring code off the FX
 * thread: the settings already read from disk (so the window opens at its remembered place without file I/O on
 * the FX thread), where to save them, and how to start sessions.
 *
 * @param store         where settings are saved; null keeps them in memory only (tests, embedding)
 * @param dataDirectory shown in Settings so the user can find the log and cache
 */
public record AppStartup(SessionStarter sessions, SettingsStore store, AppSettings initial, Path dataDirectory) {

    public AppStartup {
        Objects.requireNonNull(sessions, "sessions");
        initial = initial == null ? AppSettings.FIRST_RUN : initial;
        dataDirectory = dataDirectory == null ? Path.of(".") : dataDirectory;
    }
}
