package io.watchpost.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Watchpost keeps its per-user data, as each desktop platform expects it. */
public final class DataDirectories {

    private DataDirectories() {
    }

    /** The platform's per-user data directory for Watchpost: XDG on Linux, %APPDATA% on Windows, Application Support on macOS. */
    public static Path userDataDir() {
        return userDataDir(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path userDataDir(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("Watchpost");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Watchpost");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
                .resolve("watchpost");
    }

    /** The default event cache file (H2 adds ".mv.db"). */
    public static Path defaultCache() {
        return userDataDir().resolve("cache");
    }
}
