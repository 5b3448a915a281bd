package io.watchpost.app;

import io.watchpost.source.AwsSettings;
import io.watchpost.source.SourceException;
import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.source.emulator.InputLogEvent;
import io.watchpost.store.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.watchpost.sync.SyncSettings;
import io.watchpost.sync.SyncSettingsFile;
import io.watchpost.testing.PostgresTestDatabase;
import io.watchpost.ui.Workbench;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An AWS session against the embedded endpoint (standing in for CloudWatch through the same SDK client): it follows
 * the chosen groups into the cache, keeps its checkpoint across a restart, refuses a missing group with one clear
 * message, and closing it stops the pollers and closes the cache.
 */
class AwsSessionTest {

    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    @TempDir
    Path dir;
    private CloudWatchLogsEmulator emulator;

    @BeforeEach
    void endpoint() throws Exception {
        emulator = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
        emulator.logs().createLogGroup("/app/orders");
        emulator.logs().createLogStream("/app/orders", "web-1");
        put(0, 50);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void put(int from, int count) {
        long now = System.currentTimeMillis();
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(new InputLogEvent(now - 1000 + i, "{\"level\":\"INFO\",\"message\":\"order " + i + "\"}"));
        }
        emulator.logs().putLogEvents("/app/orders", "web-1", events);
    }

    private AwsSettings settings() {
        return new AwsSettings(emulator.endpoint(), "eu-west-1", null);
    }

    @Test
    void followsTheLogGroupAndClosingStopsThePollersAndClosesTheCache() throws Exception {
        Path cacheFile = dir.resolve("cache");
        AwsSession session = AwsSession.start(settings(), List.of("/app/orders"), cacheFile, Duration.ofMillis(200), noSync());
        waitFor(() -> session.cache().events().count() == 50, "the first 50 events");
        put(50, 10);
        waitFor(() -> session.cache().events().count() == 60, "live events");
        assertTrue(pollerThreads() > 0, "the ingest engine runs");
        assertTrue(session.describe().contains("eu-west-1"), session.describe());

        session.close();
        assertEquals(0, pollerThreads(), "closing stopped every ingest thread");
        assertThrows(RuntimeException.class, () -> session.cache().events().count(), "the cache is closed");

        // The checkpoint was committed: a new session on the same cache reads only what is new.
        put(60, 5);
        try (AwsSession again = AwsSession.start(settings(), List.of("/app/orders"), cacheFile, Duration.ofMillis(200), noSync())) {
            waitFor(() -> again.cache().events().count() == 65, "resumed from the checkpoint");
            Thread.sleep(600);
            assertEquals(65, again.cache().events().count(), "nothing twice");
        }
        try (Cache reopened = Cache.open(cacheFile)) {
            assertEquals(65, reopened.events().count(), "the cache file is free again after close");
        }
    }

    @Test
    void aMissingLogGroupFailsAtOnceWithOneClearMessage() {
        SourceException e = assertThrows(SourceException.class, () ->
                AwsSession.start(settings(), List.of("/app/orders", "/app/typo"), dir.resolve("cache"), AwsSession.POLL_INTERVAL, noSync()));
        assertEquals("no such log group in eu-west-1: /app/typo", e.getMessage());
        assertEquals(0, pollerThreads());
    }

    /** Sync settings in the test's own folder (none saved): the user's real ones must never be used by a test. */
    private SyncSettingsFile noSync() {
        return new SyncSettingsFile(dir.resolve("no-sync-settings.json"));
    }

    @Test
    void savedSyncSettingsPushTheCacheToPostgresAndShowTheSyncStatus() throws Exception {
        SyncSettingsFile saved = new SyncSettingsFile(dir.resolve("sync-settings.json"));
        saved.save(SyncSettings.fromUrl(PG.url(), null));
        try (AwsSession session = AwsSession.start(settings(), List.of("/app/orders"), dir.resolve("cache"),
                Duration.ofMillis(200), saved)) {
            Workbench workbench = session.workbench();
            assertTrue(workbench.teamSync().target().contains(PG.name()), workbench.teamSync().target());
            waitFor(() -> {
                try (Connection c = PG.connect(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
                    rs.next();
                    return rs.getLong(1) == 50;
                } catch (SQLException notYet) {
                    return false;
                }
            }, "the 50 cached events in PostgreSQL");
            waitFor(() -> workbench.teamSync().status().backlog() == 0, "no backlog");
        }
    }

    private static long pollerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("watchpost-ingest-") && t.isAlive()).count();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
