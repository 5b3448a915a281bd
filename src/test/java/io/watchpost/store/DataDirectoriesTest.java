package io.watchpost.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataDirectoriesTest {
    private final Path home = Path.of("/home/ana");

    @Test
    void linuxFollowsXdg() {
        assertEquals(Path.of("/data/watchpost"), DataDirectories.userDataDir("Linux", Map.of("XDG_DATA_HOME", "/data"), home));
        assertEquals(Path.of("/home/ana/.local/share/watchpost"), DataDirectories.userDataDir("Linux", Map.of(), home));
        assertEquals(Path.of("/home/ana/.local/share/watchpost"),
                DataDirectories.userDataDir("Linux", Map.of("XDG_DATA_HOME", "relative"), home), "XDG says relative paths are ignored");
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("C:/Users/ana/AppData/Roaming/Watchpost"),
                DataDirectories.userDataDir("Windows 11", Map.of("APPDATA", "C:/Users/ana/AppData/Roaming"), home));
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(Path.of("/home/ana/Library/Application Support/Watchpost"), DataDirectories.userDataDir("Mac OS X", Map.of(), home));
    }
}
