package io.watchpost.cli;

import io.watchpost.store.Cache;
import io.watchpost.sync.EventPull;
import io.watchpost.sync.PgTarget;
import io.watchpost.sync.PostgresSync;
import io.watchpost.sync.Retention;
import io.watchpost.sync.SharedObjectStore;
import io.watchpost.sync.SharedStateSync;
import io.watchpost.sync.SyncException;
import io.watchpost.sync.Workstation;
import io.watchpost.sync.SyncReport;
import io.watchpost.sync.SyncService;
import io.watchpost.sync.SyncSettings;
import io.watchpost.sync.SyncSettingsFile;
import io.watchpost.sync.SyncStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Sync the cache with the team's shared PostgreSQL (schema created by Flyway): push cached events "
                + "not yet there and shared state (rules, alerts, tags, saved searches), or pull events for an investigation.",
                "Idempotent: running it twice adds nothing. The password may come from the URL, PGPASSWORD, the saved "
                        + "settings or ~/.pgpass; it is never printed."})
public final class SyncCommand implements Callable<Integer> {

    @Mixin
    CacheOption cache;

    @Option(names = "--pg-url", paramLabel = "URL",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.example.com:5432/watchpost?user=analyst&sslmode=verify-full "
                    + "(default: the saved settings, see --save-settings)")
    String pgUrl;

    @Option(names = "--sslmode", paramLabel = "MODE", description = "disable, allow, prefer, require, verify-ca or verify-full")
    String sslMode;

    @Option(names = "--save-settings", description = "Save --pg-url and --sslmode (and a password given in the URL) "
            + "as this user's defaults, in a file only the user can read.")
    boolean saveSettings;

    @Option(names = "--follow", description = "Keep syncing in the background until interrupted (SIGINT/SIGTERM).")
    boolean follow;

    @Option(names = "--pull", description = "Load events from PostgreSQL into the cache instead of pushing (needs --from and --to).")
    boolean pull;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeArgument.class, description = "Pull: first event time (inclusive).")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeArgument.class, description = "Pull: last event time (exclusive).")
    Instant to;

    @Option(names = "--log-group", paramLabel = "GROUP", description = "Pull: only this log group (repeatable; default all).")
    List<String> logGroups = new ArrayList<>();

    @Option(names = "--retain-days", paramLabel = "N", description = "Drop the shared database's day partitions older than N days.")
    Integer retainDays;

    @Option(names = "--batch-size", paramLabel = "N", hidden = true, defaultValue = "" + PostgresSync.DEFAULT_BATCH_SIZE,
            description = "Events per pushed batch.")
    int batchSize;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        PgTarget target;
        try {
            target = target();
        } catch (IllegalArgumentException e) {
            System.err.println("watchpost sync: " + e.getMessage());
            return 2;
        }
        if (pull && (from == null || to == null)) {
            System.err.println("watchpost sync: --pull needs --from and --to");
            return 2;
        }
        try (Cache db = Cache.open(cache.path())) {
            String origin = Workstation.origin();
            PostgresSync push = new PostgresSync(db.dataSource(), target, origin, batchSize);
            SharedStateSync shared = new SharedStateSync(new SharedObjectStore(db.dataSource(), origin), db.dataSource(), target);
            if (retainDays != null) {
                Retention.Report r = new Retention(target).dropOlderThan(retainDays);
                System.out.printf(Locale.ROOT, "retention: kept %s and later; dropped %d partitions, %d rows of other days%n",
                        r.keptFrom(), r.droppedPartitions().size(), r.deletedFromDefault());
            }
            if (pull) {
                EventPull.Report r = new EventPull(target, db.events(), db.dataSource()).pull(from, to, logGroups);
                System.out.printf(Locale.ROOT, "pulled %d events from %s: %d new to the cache, %d already cached%n",
                        r.read(), target.redacted(), r.stored(), r.alreadyCached());
                return 0;
            }
            if (follow) {
                return follow(new SyncService(push, shared));
            }
            SyncReport report = push.pushOnce();
            System.out.printf(Locale.ROOT, "pushed %d events to %s: %d new, %d already there, %.2f s, %d behind%n",
                    report.rowsRead(), target.redacted(), report.rowsInserted(), report.duplicates(), report.seconds(),
                    report.backlogRemaining());
            SharedStateSync.Report s = shared.syncOnce();
            if (s.pushed() + s.pulled() > 0) {
                System.out.printf(Locale.ROOT, "shared state: %d pushed, %d pulled, %d conflicts%n", s.pushed(), s.pulled(), s.conflicts());
            }
            return 0;
        } catch (SyncException e) {
            System.err.println("watchpost sync: " + target.scrub(e.getMessage()));
            return 1;
        } finally {
            stopped.countDown(); // after the cache closed: lets a shutdown hook of --follow return
        }
    }

    /** Runs the service until SIGINT/SIGTERM; prints each change of state (not each batch). */
    private int follow(SyncService service) {
        CountDownLatch stopRequested = new CountDownLatch(1);
        AtomicReference<SyncStatus.State> printed = new AtomicReference<>();
        service.onStatus(s -> {
            if (printed.getAndSet(s.state()) != s.state()) {
                System.out.println("sync: " + s.describe() + (s.state() == SyncStatus.State.OFFLINE && s.lastError() != null
                        ? " (" + s.lastError() + ")" : ""));
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            // The JVM halts when the hooks return: wait until the batch in flight ended and the cache is closed.
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watchpost-sync-shutdown"));
        service.start();
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        service.close();
        System.out.println("sync: stopped, " + service.status().describe());
        return 0;
    }

    private PgTarget target() {
        SyncSettingsFile file = SyncSettingsFile.inUserDataDir();
        SyncSettings settings;
        if (pgUrl != null) {
            if (saveSettings) {
                settings = SyncSettings.fromUrl(pgUrl, sslMode);
                file.save(settings);
                System.out.println("saved the sync settings to " + file.path() + " (readable by this user only)");
            }
            return new SyncSettings(pgUrl, null, null, sslMode).target();
        }
        settings = file.load().orElseThrow(() -> new IllegalArgumentException(
                "no --pg-url given and no saved settings in " + file.path() + " (save some with --pg-url URL --save-settings)"));
        if (sslMode != null) {
            settings = new SyncSettings(settings.url(), settings.user(), settings.password(), sslMode);
        }
        return settings.target();
    }
}
