package io.watchpost.ui.welcome;

import io.watchpost.ui.AppStartup;
import io.watchpost.ui.MainWindow;
import io.watchpost.ui.WatchpostApplication;
import io.watchpost.ui.settings.AppSettings;
import io.watchpost.ui.settings.AwsSource;
import io.watchpost.ui.settings.SettingsStore;
import io.watchpost.ui.settings.SourceKind;
import io.watchpost.ui.theme.FxSupport;
import io.watchpost.ui.theme.FxSupport.RecordingSessions;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A first run: the welcome screen asks where events come from, remembers the answer and starts that source. */
class WelcomeScreenTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Application app;
    private RecordingSessions sessions;
    private SettingsStore store;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void firstRun() throws Exception {
        sessions = new RecordingSessions(dir);
        store = new SettingsStore(dir.resolve("data/settings.json"));
        WatchpostApplication.configure(new AppStartup(sessions, store, store.load().orElse(AppSettings.FIRST_RUN), dir.resolve("data")));
        app = FxToolkit.setupApplication(WatchpostApplication::new);
        stage = FxToolkit.toolkitContext().getRegisteredStage();
        FxSupport.waitUntil("the welcome screen", 10, () -> stage.getScene().getRoot() instanceof WelcomeView);
        FxSupport.waitUntil("the AWS profiles are listed", 10,
                () -> robot.lookup("#welcome-profile").queryComboBox().getItems().size() == 3);
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void choosingTheDemoOpensTheMainWindowAndIsRemembered() throws Exception {
        FxSupport.snapshot(stage.getScene(), "welcome.png");
        assertTrue(stage.getTitle().contains("Welcome"));

        robot.clickOn("#welcome-demo");
        FxSupport.waitUntil("the main window", 10, () -> stage.getScene().getRoot() instanceof MainWindow);
        assertEquals(SourceKind.DEMO, sessions.started.get(0).source());
        FxSupport.waitUntil("the menu bar", 5, () -> robot.lookup("#main-menu").tryQuery().isPresent());

        FxSupport.waitUntil("the choice is saved", 5, () -> store.load().map(s -> s.source() == SourceKind.DEMO).orElse(false));
        FxToolkit.cleanupApplication(app);
        app = null;
        assertEquals(1, sessions.closed.size(), "closing the window closed the session");
    }

    @Test
    void theAwsFormValidatesItsInputThenSavesTheSourceAndConnects() throws Exception {
        robot.clickOn("#welcome-region").write("eu-west");
        robot.clickOn("#welcome-log-groups").write("arn:aws:logs:eu-west-1:123:log-group:/x");
        robot.clickOn("#welcome-connect");
        Label errors = robot.lookup("#welcome-errors").queryAs(Label.class);
        FxSupport.waitUntil("validation messages", 5, errors::isVisible);
        String text = FxSupport.call(errors::getText);
        assertTrue(text.contains("Region: 'eu-west' is not an AWS region name"), text);
        assertTrue(text.contains("Log groups: 'arn:aws:logs"), text);
        assertTrue(sessions.started.isEmpty(), "nothing starts on invalid input");
        FxSupport.snapshot(stage.getScene(), "welcome-validation.png");

        FxSupport.run(() -> {
            WelcomeView welcome = (WelcomeView) stage.getScene().getRoot();
            welcome.profileField().getEditor().setText("security-audit");
            welcome.regionField().getEditor().setText("eu-west-1");
            welcome.logGroupsField().setText("/aws/cloudtrail/management,\n/var/log/secure");
        });
        robot.clickOn("#welcome-connect");
        FxSupport.waitUntil("the main window", 10, () -> stage.getScene().getRoot() instanceof MainWindow);

        AwsSource expected = new AwsSource("security-audit", "eu-west-1", List.of("/aws/cloudtrail/management", "/var/log/secure"));
        assertEquals(expected, sessions.started.get(0).aws());
        FxSupport.waitUntil("the AWS source is saved", 5, () -> store.load().map(s -> expected.equals(s.aws())
                && s.source() == SourceKind.AWS).orElse(false));
    }
}
