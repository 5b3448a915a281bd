package io.watchpost.cli;

import io.watchpost.store.DataDirectories;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --db PATH} option every command that reads or writes the cache shares. */
public final class CacheOption {
    @Option(names = "--db", paramLabel = "PATH",
            description = "Event cache file (default: ${DEFAULT-VALUE} in the user's data directory).")
    Path db;

    public Path path() {
        return db != null ? db : DataDirectories.defaultCache();
    }
}
