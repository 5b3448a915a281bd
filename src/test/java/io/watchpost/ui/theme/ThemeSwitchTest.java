package io.watchpost.ui.theme;

import io.watchpost.app.DemoSession;
import io.watchpost.ui.AppStartup;
import io.watchpost.ui.MainWindow;
import io.watchpost.ui.SessionStarter;
import io.watchpost.ui.UiServices;
import io.watchpost.ui.WatchpostApplication;
import io.watchpost.ui.settings.AppSettings;
import io.watchpost.ui.settings.SettingsDialog;
import io.watchpost.ui.settings.SettingsStore;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The theme switch on the live demo: Settings → Dark restyles the open main window at once (the dark overlay is on
 * the scene and on the main window's own stylesheets, and the header really paints dark), and is remembered.
 * Also takes the README's light and dark screenshots.
 */
class ThemeSwitchTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
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

    @Test
    void choosingDarkInSettingsRestylesTheOpenWindowAndIsSaved() throws Exception {
        SessionStarter demo = s -> {
            DemoSession session = DemoSession.start(dir.resolve("demo-cache"));
            return new UiServices(session.cache().events(), session.metrics(), session.describe(), session);
        };
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        WatchpostApplication.configure(new AppStartup(demo, store, AppSettings.FIRST_RUN.withDemo(), dir));
        app = FxToolkit.setupApplication(WatchpostApplication::new);
        WatchpostApplication watchpost = (WatchpostApplication) app;
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        FxSupport.waitUntil("the main window", 30, () -> stage.getScene().getRoot() instanceof MainWindow);
        MainWindow window = watchpost.mainWindow();
        FxSupport.waitUntil("a full table", 60, () -> window.eventsView().table().getItems().size() >= 5_000);
        FxSupport.run(() -> window.eventsView().table().getSelectionModel().select(12));
        Thread.sleep(2500); // let the chart draw a few seconds of live ingest
        FxSupport.snapshot(stage.getScene(), "main-light.png");
        assertTrue(brightness(headerColor(stage)) > 0.9, "light header");
        String dark = ThemeController.url("watchpost-dark.css");
        assertFalse(stage.getScene().getStylesheets().contains(dark));

        FxSupport.run(watchpost::showSettings);
        FxSupport.waitUntil("the settings window", 5, () -> settingsStage() != null);
        robot.clickOn("#theme-dark");

        FxSupport.waitUntil("the dark overlay", 5, () -> stage.getScene().getStylesheets().contains(dark)
                && window.getStylesheets().contains(dark));
        FxSupport.waitUntil("the header repaints dark", 5, () -> brightness(headerColor(stage)) < 0.2);
        assertTrue(FxSupport.call(() -> window.getStyleClass().contains("theme-dark")));
        FxSupport.snapshot(settingsStage().getScene(), "settings-dark.png");
        robot.clickOn("#settings-close");
        Thread.sleep(1500);
        FxSupport.snapshot(stage.getScene(), "main-dark.png");
        FxSupport.waitUntil("the theme is saved", 5, () -> store.load().map(s -> s.theme() == Theme.DARK).orElse(false));

        FxSupport.run(() -> watchpost.setTheme(Theme.LIGHT));
        assertFalse(FxSupport.call(() -> stage.getScene().getStylesheets().contains(dark) || window.getStylesheets().contains(dark)));
        assertEquals(Theme.LIGHT, FxSupport.call(() -> watchpost.themes().theme()));
    }

    private static Stage settingsStage() {
        return FxSupport.call(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && SettingsDialog.TITLE.equals(s.getTitle()) && s.isShowing())
                .map(w -> (Stage) w).findFirst().orElse(null));
    }

    private static Color headerColor(Stage stage) {
        return FxSupport.call(() -> {
            Node header = stage.getScene().getRoot().lookup(".header");
            return (Color) ((Region) header).getBackground().getFills().get(0).getFill();
        });
    }

    private static double brightness(Color c) {
        return c.getBrightness();
    }
}
