package io.watchpost.source.emulator;

import java.nio.file.Path;

/**
 * Where the emulator listens and where (if anywhere) it keeps its data.
 *
 * @param host    interface to bind, normally {@code 127.0.0.1}
 * @param port    TCP port; 0 picks an ephemeral port (read it back from {@link CloudWatchLogsEmulator#port()})
 * @param dataDir directory to load from and append to; {@code null} keeps everything in memory only
 */
public record EmulatorOptions(String host, int port, Path dataDir) {

    public EmulatorOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static EmulatorOptions loopback(int port) {
        return new EmulatorOptions("127.0.0.1", port, null);
    }

    public EmulatorOptions withDataDir(Path dir) {
        return new EmulatorOptions(host, port, dir);
    }
}
