package io.watchpost.app;

import io.watchpost.store.Cache;
import io.watchpost.sync.PgConnectionCheck;
import io.watchpost.sync.PgTarget;
import io.watchpost.sync.PostgresSync;
import io.watchpost.sync.SharedObjectStore;
import io.watchpost.sync.SharedStateSync;
import io.watchpost.sync.SyncService;
import io.watchpost.sync.SyncSettings;
import io.watchpost.sync.SyncSettingsFile;
import io.watchpost.sync.SyncStatus;
import io.watchpost.ui.sync.TeamSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Team sync beside ingestion: while sync settings are saved (in the Team sync tab, or `watchpost sync
 * --save-settings`), the cache is pushed to the team's PostgreSQL in the background and shared state syncs both ways.
 * Saving new settings from the tab stops the running sync (after its batch in flight) and starts one with them.
 */
final class SyncSession implements TeamSync, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncSession.class);

    private final Cache cache;
    private final SharedObjectStore team;
    private final SyncSettingsFile file;
    private volatile SyncService service; // null while no settings are saved
    private volatile PgTarget target;
    private boolean closed; // guarded by this

    /** Starts syncing if {@code file} holds settings; otherwise waits for {@link #apply}. */
    SyncSession(Cache cache, SharedObjectStore team, SyncSettingsFile file) {
        this.cache = cache;
        this.team = team;
        this.file = file;
        file.load().ifPresent(this::start);
    }

    private synchronized void start(SyncSettings settings) {
        stop();
        if (closed) {
            return;
        }
        PgTarget next = settings.target();
        SyncService s = new SyncService(new PostgresSync(cache.dataSource(), next, team.origin()),
                new SharedStateSync(team, cache.dataSource(), next));
        s.start();
        target = next;
        service = s;
        LOG.info("team sync to {} started", next.redacted());
    }

    private synchronized void stop() {
        SyncService s = service;
        service = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public SyncStatus status() {
        SyncService s = service;
        return s == null ? null : s.status();
    }

    @Override
    public String target() {
        PgTarget t = target;
        return t == null ? "" : t.redacted();
    }

    @Override
    public Optional<SyncSettings> saved() {
        return file.load();
    }

    @Override
    public String testConnection(SyncSettings settings) {
        return PgConnectionCheck.serverVersion(settings.target());
    }

    @Override
    public void apply(SyncSettings settings) {
        settings.target(); // a URL that does not parse is refused before it is saved
        file.save(settings);
        start(settings);
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }
}
