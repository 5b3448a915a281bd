package io.watchpost.ui;

import io.watchpost.source.IngestMetrics;
import io.watchpost.store.Cache;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application seam: a slow services factory runs off the FX thread behind "Starting…", and stop() closes it. */
class WatchpostApplicationTest {

    @TempDir
    Path tempDir;

    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanup() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void showsStartingThenTheWindowAndClosesServicesOnStop() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean factoryOnFxThread = new AtomicBoolean(true);
        AtomicBoolean closed = new AtomicBoolean();
        WatchpostApplication.setServicesFactory(() -> {
            factoryOnFxThread.set(Platform.isFxApplicationThread());
            try {
                release.await(10, TimeUnit.SECONDS); // a slow start: demo endpoint, ingestion, cache
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Cache cache = Cache.open(tempDir.resolve("cache"));
            return new UiServices(cache.events(), new IngestMetrics(), "Test source", () -> {
                closed.set(true);
                cache.close();
            });
        });

        app = FxToolkit.setupApplication(WatchpostApplication::new);
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        Fx.waitUntil("the starting placeholder", 10, () -> stage.getScene() != null
                && "starting-placeholder".equals(stage.getScene().getRoot().getId()));

        release.countDown();
        Fx.waitUntil("the main window", 10, () -> stage.getScene().getRoot() instanceof MainWindow);
        assertFalse(factoryOnFxThread.get(), "the services factory must not run on the FX thread");
        assertInstanceOf(MainWindow.class, ((WatchpostApplication) app).mainWindow());
        assertTrue(Fx.call(stage::getTitle).contains("Test source"));
        assertTrue(Fx.call(() -> robot.lookup("#header-source").queryLabeled().getText()).equals("Test source"));

        FxToolkit.cleanupApplication(app);
        app = null;
        assertTrue(closed.get(), "stop() closes the services");
    }

    @Test
    void servicesThatFinishAfterStopAreClosedAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch closedLatch = new CountDownLatch(1);
        AtomicReference<Cache> opened = new AtomicReference<>();
        WatchpostApplication.setServicesFactory(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Cache cache = Cache.open(tempDir.resolve("late"));
            opened.set(cache);
            return new UiServices(cache.events(), new IngestMetrics(), "Late", () -> {
                cache.close();
                closedLatch.countDown();
            });
        });
        Application started = FxToolkit.setupApplication(WatchpostApplication::new);
        FxToolkit.cleanupApplication(started); // the user closed the window while services were starting
        release.countDown();
        assertTrue(closedLatch.await(10, TimeUnit.SECONDS), "late services are closed, not leaked");
    }
}
