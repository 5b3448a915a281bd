package io.watchpost.app;

import io.watchpost.store.Cache;
import io.watchpost.sync.PgTarget;
import io.watchpost.sync.PostgresSync;
import io.watchpost.sync.SharedObjectStore;
import io.watchpost.sync.SharedStateSync;
import io.watchpost.sync.SyncService;
import io.watchpost.sync.SyncSettings;
import io.watchpost.sync.SyncSettingsFile;
import io.watchpost.sync.SyncStatus;
import io.watchpost.sync.Workstation;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Team sync running beside ingestion when the user has saved sync settings (`watchpost sync --save-settings`):
 * the cache is pushed to the team's PostgreSQL in the background, and shared state syncs both ways.
 */
final class SyncSession implements AutoCloseable {

    private final SyncService service;
    private final PgTarget target;

    private SyncSession(Cache cache, SyncSettings settings) {
        target = settings.target();
        String origin = Workstation.origin();
        service = new SyncService(new PostgresSync(cache.dataSource(), target, origin),
                new SharedStateSync(new SharedObjectStore(cache.dataSource(), origin), cache.dataSource(), target));
        service.start();
    }

    /** A running sync when settings are saved in the user's data directory; nothing otherwise. */
    static Optional<SyncSession> fromSavedSettings(Cache cache, SyncSettingsFile file) {
        return file.load().map(settings -> new SyncSession(cache, settings));
    }

    Supplier<SyncStatus> status() {
        return service::status;
    }

    /** The server without credentials, for the status view. */
    String describeTarget() {
        return target.redacted();
    }

    @Override
    public void close() {
        service.close();
    }
}
