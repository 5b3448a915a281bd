package io.watchpost.sync;

import io.watchpost.store.Cache;
import io.watchpost.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stops in the middle of a background sync and comes back: the service reports offline with its backlog,
 * retries with backoff, resumes by itself, and the target ends with exactly the cached events. Stops the shared local
 * server for a few seconds (others' tests retry or fail fast meanwhile), and always starts it again.
 */
class SyncServiceOutageTest {

    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    private static final int EVENTS = 60_000;
    private static final String PASSWORD = "pw-never-shown-9f3";

    @TempDir
    Path dir;

    @Test
    void postgresStopsMidSyncAndTheServiceRecoversByItself() throws Exception {
        String version = PostgresServer.version();
        Assumptions.assumeTrue(version != null, "needs a local pg_ctlcluster-managed PostgreSQL to stop and start");
        // Trust auth ignores the password, but it is in the URL: it must never reach the status or its errors.
        PgTarget target = PgTarget.parse(PG.url() + "&password=" + PASSWORD);
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            BulkCache.fill(cache, "/aws/cloudtrail", 0, EVENTS);
            List<SyncStatus> seen = new CopyOnWriteArrayList<>();
            PostgresSync push = new PostgresSync(cache.dataSource(), target, "outage-test", 500);
            SyncService service = new SyncService(push, null, Duration.ofMillis(200),
                    Backoff.of(Duration.ofMillis(200), Duration.ofSeconds(1)), Clock.systemUTC());
            service.onStatus(seen::add);
            try {
                service.start();
                await("the push is under way", 60, () -> {
                    try (Connection pg = PG.connect()) {
                        return BulkCache.targetRows(pg) > 0;
                    } catch (Exception e) {
                        return false;
                    }
                });
                Instant stoppedAt;
                try {
                    PostgresServer.stop(version);
                    stoppedAt = Instant.now();
                    // Events keep arriving while the server is away.
                    BulkCache.fill(cache, "/aws/cloudtrail", EVENTS, 1000);
                    await("the service reports offline", 15, () -> service.status().state() == SyncStatus.State.OFFLINE);
                } finally {
                    PostgresServer.start(version);
                }
                SyncStatus offline = seen.stream().filter(s -> s.state() == SyncStatus.State.OFFLINE).findFirst().orElseThrow();
                assertTrue(offline.describe().startsWith("offline — "), offline.describe());
                assertTrue(offline.backlog() > 0, "offline shows how far behind: " + offline.describe());
                assertNotNull(offline.lastError());
                assertNotNull(offline.lastErrorAt());

                await("the service is back and up to date", 120, () -> {
                    SyncStatus s = service.status();
                    return s.state() == SyncStatus.State.IDLE && s.backlog() == 0
                            && s.lastSuccessAt() != null && s.lastSuccessAt().isAfter(stoppedAt);
                });
                for (SyncStatus s : seen) {
                    assertFalse(String.valueOf(s.lastError()).contains(PASSWORD), "no password in " + s.lastError());
                }
            } finally {
                service.close();
            }
            assertEquals(SyncStatus.State.STOPPED, service.status().state());
            try (Connection pg = PG.connect()) {
                assertEquals(EVENTS + 1000, BulkCache.targetRows(pg), "no event twice");
                assertEquals(BulkCache.cachedKeys(cache), BulkCache.targetKeys(pg), "exactly the cached events");
            }
        }
    }

    private static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
