package io.watchpost.cli;

import io.watchpost.store.Cache;
import io.watchpost.sync.PgTarget;
import io.watchpost.sync.PostgresSync;
import io.watchpost.sync.SyncException;
import io.watchpost.sync.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Push cached events not yet in PostgreSQL to the team's shared database (schema created by Flyway).",
                "Idempotent: running it twice adds nothing. The password may come from the URL or PGPASSWORD; it is never printed."})
public final class SyncCommand implements Callable<Integer> {

    @Mixin
    CacheOption cache;

    @Option(names = "--pg-url", required = true, paramLabel = "URL",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.example.com:5432/watchpost?user=analyst&sslmode=verify-full")
    String pgUrl;

    @Override
    public Integer call() {
        PgTarget target;
        try {
            target = PgTarget.parse(pgUrl);
        } catch (IllegalArgumentException e) {
            System.err.println("watchpost sync: " + e.getMessage());
            return 2;
        }
        try (Cache db = Cache.open(cache.path())) {
            SyncReport report = new PostgresSync(db.dataSource(), target, origin()).pushOnce();
            System.out.printf(Locale.ROOT, "pushed %d events to %s: %d new, %d already there, %.2f s, %d behind%n",
                    report.rowsRead(), target.redacted(), report.rowsInserted(), report.duplicates(), report.seconds(),
                    report.backlogRemaining());
            return 0;
        } catch (SyncException e) {
            System.err.println("watchpost sync: " + target.scrub(e.getMessage()));
            return 1;
        }
    }

    /** Names this workstation in the rows it pushes, so a team can tell who synced what. */
    private static String origin() {
        try {
            return System.getProperty("user.name") + "@" + InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return System.getProperty("user.name");
        }
    }
}
