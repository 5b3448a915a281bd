package io.watchpost.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.watchpost.store.Cache;
import io.watchpost.sync.SharedObjectStore;
import io.watchpost.sync.SyncSettings;
import io.watchpost.sync.SyncSettingsFile;
import io.watchpost.testing.FxThread;
import io.watchpost.testing.PostgresTestDatabase;
import io.watchpost.ui.sync.SyncSettingsForm;
import io.watchpost.ui.sync.SyncSettingsModel;
import io.watchpost.ui.sync.SyncStatusView;
import io.watchpost.ui.sync.SyncStatusViewModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Team sync tab's connection form on the headless FX toolkit, wired to the app's real {@link SyncSession} and a
 * real PostgreSQL: test connection, save (owner-only file, the sync restarts without restarting the app), and the
 * password never shown back or logged.
 */
class TeamSyncSettingsFormTest {

    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    /** The test server trusts local logins, so any password connects; this one must never show. */
    private static final String PASSWORD = "s3cret-Pw-4711";

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger watchpostLog = (Logger) LoggerFactory.getLogger("io.watchpost");
    private Cache cache;
    private SyncSession session;
    private SyncSettingsFile file;
    private SyncSettingsModel model;
    private SyncStatusViewModel status;
    private Parent root;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void show() throws Exception {
        // Everything Watchpost logs, at every level (the tests' logback config passes only warnings), into a list.
        log.start();
        watchpostLog.setLevel(Level.ALL);
        watchpostLog.setAdditive(false);
        watchpostLog.addAppender(log);
        cache = Cache.open(dir.resolve("cache"));
        file = new SyncSettingsFile(dir.resolve("config").resolve("sync-settings.json"));
        session = new SyncSession(cache, new SharedObjectStore(cache.dataSource(), "tester@ws"), file);
        model = new SyncSettingsModel(session);
        status = new SyncStatusViewModel(session::status, session::target, ZoneOffset.UTC);
        FxToolkit.setupStage((Stage stage) -> {
            root = new VBox(18, new SyncStatusView(status), new SyncSettingsForm(model));
            stage.setScene(new Scene(root, 900, 520));
            stage.show();
        });
        status.start();
        model.load();
    }

    @AfterEach
    void hide() throws Exception {
        status.shutdown();
        model.shutdown();
        FxToolkit.hideStage();
        session.close();
        cache.close();
        watchpostLog.detachAppender(log);
        watchpostLog.setAdditive(true);
        watchpostLog.setLevel(null);
    }

    @Test
    void fillTestSaveRestartsTheSyncAndThePasswordStaysInTheOwnerOnlyFile() throws Exception {
        FxThread.waitUntil("not configured yet", 10, () -> text("#sync-state").startsWith("not configured"));
        FxThread.waitUntil("the form says no settings are saved", 10,
                () -> text("#sync-password-note").startsWith("No settings saved yet"));

        // A wrong port: the exact reason, from off the FX thread.
        robot.clickOn("#sync-url").write(PG.url().replace(":5432/", ":1/"));
        robot.clickOn("#sync-password").write(PASSWORD);
        robot.clickOn("#sync-test");
        FxThread.waitUntil("the connection error", 20, () -> text("#sync-result").startsWith("cannot connect to PostgreSQL at 127.0.0.1:1/"));

        FxThread.run(() -> {
            ((TextInputControl) robot.lookup("#sync-url").query()).setText(PG.url());
            sslMode().setValue("disable");
        });
        robot.clickOn("#sync-user").write("postgres");
        robot.clickOn("#sync-test");
        FxThread.waitUntil("the server version", 20, () -> text("#sync-result").startsWith("connected: PostgreSQL "));
        assertTrue(session.status() == null, "testing does not start a sync");

        robot.clickOn("#sync-save");
        FxThread.waitUntil("saved", 20, () -> text("#sync-result").startsWith("saved"));
        // The background sync runs now, without an app restart, against the saved server.
        FxThread.waitUntil("the sync runs", 20, () -> text("#sync-target").contains(PG.name())
                && !text("#sync-state").startsWith("not configured"));
        assertNotNull(session.status());

        Path saved = file.path();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
        SyncSettings onDisk = file.load().orElseThrow();
        assertEquals(PASSWORD, onDisk.password(), "the password is kept in the owner-only file");
        assertEquals("postgres", onDisk.user());
        assertEquals("disable", onDisk.sslMode());
        assertFalse(onDisk.url().contains(PASSWORD));
        assertTrue(text("#sync-password-note").startsWith(System.getenv("PGPASSWORD") == null
                ? "A password is saved" : "PGPASSWORD is set"), text("#sync-password-note"));
        assertEquals("", FxThread.call(() -> ((TextInputControl) robot.lookup("#sync-password").query()).getText()),
                "the password field is cleared after saving and never refilled");

        // Reloading the form (as on the next start) shows the settings, never the password.
        model.load();
        FxThread.waitUntil("reloaded", 10, () -> ((TextInputControl) robot.lookup("#sync-user").query()).getText().equals("postgres"));
        List<String> shown = FxThread.call(() -> texts(root));
        FxThread.writePng(FxThread.call(() -> root.snapshot(null, null)), FxThread.screenshots().resolve("team-sync-settings.png"));
        assertTrue(shown.stream().noneMatch(t -> t.contains(PASSWORD)), "a label or field shows the password: " + shown);
        List<String> logged = new ArrayList<>();
        for (ILoggingEvent e : log.list) {
            logged.add(e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()));
        }
        assertTrue(logged.stream().anyMatch(l -> l.contains("team sync to") && l.contains(PG.name())),
                "the restart is logged: " + logged);
        assertTrue(logged.stream().noneMatch(l -> l.contains(PASSWORD)), "the log holds the password: " + logged);
    }

    @SuppressWarnings("unchecked")
    private ChoiceBox<String> sslMode() {
        return (ChoiceBox<String>) robot.lookup("#sync-sslmode").query();
    }

    private String text(String id) {
        return FxThread.call(() -> ((Label) robot.lookup(id).query()).getText());
    }

    /** Every text a label, button or field in the tree shows. */
    private static List<String> texts(Node node) {
        List<String> out = new ArrayList<>();
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof TextInputControl t) {
            out.add(t.getText());
        }
        if (node instanceof ChoiceBox<?> c && c.getValue() != null) {
            out.add(String.valueOf(c.getValue()));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                out.addAll(texts(child));
            }
        }
        return out;
    }
}
