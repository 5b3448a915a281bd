package io.watchpost.ui.sync;

import io.watchpost.sync.PgTarget;
import io.watchpost.sync.SyncStatus;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sync status panel on the headless FX toolkit, fed by a status that changes far faster than it is shown. */
class SyncStatusViewTest {

    private static final String PASSWORD = "pw-top-secret-77";

    private final AtomicReference<SyncStatus> status = new AtomicReference<>(SyncStatus.INITIAL);
    private final FxRobot robot = new FxRobot();
    private SyncStatusViewModel viewModel;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void show() throws Exception {
        String target = PgTarget.parse("jdbc:postgresql://db.team:5432/watchpost?user=ana&password=" + PASSWORD).redacted();
        viewModel = new SyncStatusViewModel(status::get, target, ZoneOffset.UTC);
        FxToolkit.setupStage((Stage stage) -> {
            stage.setScene(new Scene(new SyncStatusView(viewModel), 640, 240));
            stage.show();
        });
        viewModel.start();
    }

    @AfterEach
    void hide() throws Exception {
        viewModel.shutdown();
        FxToolkit.hideStage();
    }

    @Test
    void showsStateBacklogRateLastSuccessAndLastErrorWithoutThePassword() {
        status.set(new SyncStatus(SyncStatus.State.SYNCING, 4_200, 12_345.6, Instant.parse("2026-01-10T12:00:00Z"), null, null));
        waitUntil("syncing is shown", () -> text("#sync-state").startsWith("syncing"));
        assertEquals("4,200 events", text("#sync-backlog"));
        assertEquals("12,346 rows/s", text("#sync-rate"));
        assertEquals("2026-01-10 12:00:00", text("#sync-last-success"));
        assertEquals("", text("#sync-last-error"));

        status.set(new SyncStatus(SyncStatus.State.OFFLINE, 5_000, 0, Instant.parse("2026-01-10T12:00:00Z"),
                "cannot connect to PostgreSQL at db.team:5432/watchpost", Instant.parse("2026-01-10T12:00:05Z")));
        waitUntil("offline is shown", () -> text("#sync-state").equals("offline — 5,000 events behind"));
        assertEquals("cannot connect to PostgreSQL at db.team:5432/watchpost (2026-01-10 12:00:05)", text("#sync-last-error"));
        assertTrue(call(() -> robot.lookup("#sync-state").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("offline"))));

        String target = text("#sync-target");
        assertTrue(target.contains("db.team:5432/watchpost"), target);
        assertFalse(target.contains(PASSWORD), "the password is masked: " + target);
    }

    @Test
    void aFloodOfStatusChangesReachesTheFxThreadAsAFewBatches() throws Exception {
        AtomicInteger fxUpdates = new AtomicInteger();
        call(() -> {
            viewModel.backlogProperty().addListener((obs, old, now) -> fxUpdates.incrementAndGet());
            return null;
        });
        // 50,000 batches reported within about a second, as a fast push might.
        long started = System.nanoTime();
        for (int i = 50_000; i >= 0; i--) {
            status.set(new SyncStatus(SyncStatus.State.SYNCING, i, 1000, null, null, null));
            if (i % 1000 == 0) {
                Thread.sleep(20);
            }
        }
        status.set(new SyncStatus(SyncStatus.State.IDLE, 0, 0, Instant.now(), null, null));
        waitUntil("up to date", () -> text("#sync-state").equals("up to date"));
        double seconds = (System.nanoTime() - started) / 1e9;
        // The view model polls twice a second: a handful of updates, never one per reported batch.
        assertTrue(fxUpdates.get() <= 2 * Math.ceil(seconds / 0.5) + 2, fxUpdates.get() + " FX updates in " + seconds + " s");
        assertEquals("0 events", text("#sync-backlog"));
    }

    private String text(String id) {
        return call(() -> ((Label) robot.lookup(id).query()).getText());
    }

    private static <T> T call(Callable<T> onFxThread) {
        try {
            return WaitForAsyncUtils.asyncFx(onFxThread).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    private static void waitUntil(String what, BooleanSupplier onFxThread) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> call(onFxThread::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }
}
