package io.watchpost.ui.settings;

import io.watchpost.ui.AppStartup;
import io.watchpost.ui.MainWindow;
import io.watchpost.ui.WatchpostApplication;
import io.watchpost.ui.theme.FxSupport;
import io.watchpost.ui.theme.Theme;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window opens where it was left (clamped to Monocle's 1280x800 screen when it was elsewhere), its geometry is
 * saved on close, and both shutdown paths (window close → stop(), and the SIGTERM hook) close the session.
 */
class WindowRestoreAndShutdownTest {

    @TempDir
    Path dir;
    private Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    private Stage open(FxSupport.RecordingSessions sessions, SettingsStore store, AppSettings initial) throws Exception {
        WatchpostApplication.configure(new AppStartup(sessions, store, initial, dir));
        app = FxToolkit.setupApplication(WatchpostApplication::new);
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        FxSupport.waitUntil("the main window", 10, () -> stage.getScene().getRoot() instanceof MainWindow);
        return stage;
    }

    @Test
    void theWindowReopensWhereItWasAndItsGeometryIsSavedOnClose() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        FxSupport.RecordingSessions sessions = new FxSupport.RecordingSessions(dir);
        Stage stage = open(sessions, store, AppSettings.FIRST_RUN.withDemo()
                .withWindow(new WindowGeometry(100, 50, 900, 600, false)));
        assertEquals(100, FxSupport.call(stage::getX));
        assertEquals(50, FxSupport.call(stage::getY));
        assertEquals(900, FxSupport.call(stage::getWidth));
        assertEquals(600, FxSupport.call(stage::getHeight));

        FxSupport.run(() -> {
            stage.setX(140);
            stage.setWidth(1000);
        });
        FxToolkit.cleanupApplication(app); // the window closes: stop()
        app = null;
        assertEquals(1, sessions.closed.size(), "stop() closed the session");
        assertThrows(RuntimeException.class, () -> sessions.closed.get(0).events().count(), "the cache is closed");
        AppSettings saved = store.load().orElseThrow();
        assertEquals(new WindowGeometry(140, 50, 1000, 600, false), saved.window());
    }

    @Test
    void aWindowLastSeenOnAnotherMonitorIsClampedOntoThisScreen() throws Exception {
        Stage stage = open(new FxSupport.RecordingSessions(dir), null, AppSettings.FIRST_RUN.withDemo()
                .withTheme(Theme.DARK).withWindow(new WindowGeometry(3000, 200, 1600, 1000, false)));
        assertEquals(0, FxSupport.call(stage::getX));
        assertEquals(0, FxSupport.call(stage::getY));
        assertEquals(1280, FxSupport.call(stage::getWidth));
        assertEquals(800, FxSupport.call(stage::getHeight));
    }

    @Test
    void theShutdownHookForSigtermClosesTheSessionAndSavesSettings() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        FxSupport.RecordingSessions sessions = new FxSupport.RecordingSessions(dir);
        open(sessions, store, AppSettings.FIRST_RUN.withDemo().withWindow(new WindowGeometry(20, 30, 800, 500, false)));

        // What the JVM runs on SIGTERM, on the hook's own thread (JavaFX never calls stop() then).
        Thread hook = new Thread(((WatchpostApplication) app).shutdownHookAction(), "test-sigterm");
        hook.start();
        hook.join(20_000);
        assertEquals(1, sessions.closed.size(), "the hook closed the session");
        assertEquals(new WindowGeometry(20, 30, 800, 500, false), store.load().orElseThrow().window());
        assertTrue(store.load().orElseThrow().source() == SourceKind.DEMO);

        FxToolkit.cleanupApplication(app); // stop() afterwards finds nothing left to close
        app = null;
        assertEquals(1, sessions.closed.size(), "closed once, not twice");
    }
}
