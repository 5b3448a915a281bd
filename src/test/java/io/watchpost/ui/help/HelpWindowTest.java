package io.watchpost.ui.help;

import io.watchpost.ui.AppStartup;
import io.watchpost.ui.MainWindow;
import io.watchpost.ui.WatchpostApplication;
import io.watchpost.ui.settings.AppSettings;
import io.watchpost.ui.theme.FxSupport;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpWindowTest {

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
    void theHelpTextParsesIntoHeadingsRowsExamplesAndParagraphs() {
        List<HelpBlock> blocks = HelpText.parse("""
                # a comment
                == Keys
                F1 | Help
                Ctrl+Q | Quit
                == Grammar
                A filter is comparisons
                joined by AND.
                > field = value
                """);
        assertEquals(List.of(new HelpBlock.Heading("Keys"), new HelpBlock.Row("F1", "Help"), new HelpBlock.Row("Ctrl+Q", "Quit"),
                new HelpBlock.Heading("Grammar"), new HelpBlock.Paragraph("A filter is comparisons joined by AND."),
                new HelpBlock.Example("field = value")), blocks);
        assertTrue(HelpText.bundled().contains(new HelpBlock.Heading("Filter grammar")));
    }

    @Test
    void f1OpensTheHelpWithTheShortcutsAndTheFilterGrammar() throws Exception {
        WatchpostApplication.configure(new AppStartup(new FxSupport.RecordingSessions(dir), null,
                AppSettings.FIRST_RUN.withDemo(), dir));
        app = FxToolkit.setupApplication(WatchpostApplication::new);
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        FxSupport.waitUntil("the main window", 10, () -> stage.getScene().getRoot() instanceof MainWindow);

        FxSupport.run(stage::requestFocus);
        robot.press(KeyCode.F1).release(KeyCode.F1);
        FxSupport.waitUntil("the help window", 10, () -> helpStage().isPresent());
        Stage help = helpStage().orElseThrow();
        String text = FxSupport.call(() -> help.getScene().getRoot().lookupAll(".label").stream()
                .map(n -> ((Labeled) n).getText()).collect(Collectors.joining("\n")));
        for (String expected : List.of("Keyboard shortcuts", "F1", "Filter grammar", "field = value", "field != value",
                "field in 10.0.0.0/8", "matches /regex/", "event.action", "source.ip", "@timestamp")) {
            assertTrue(text.contains(expected), "help shows " + expected);
        }
        FxSupport.snapshot(help.getScene(), "help.png");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        FxSupport.waitUntil("Esc closes the help", 5, () -> helpStage().isEmpty());
    }

    private static Optional<Stage> helpStage() {
        return FxSupport.call(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && HelpWindow.TITLE.equals(s.getTitle()) && s.isShowing())
                .map(w -> (Stage) w).findFirst());
    }
}
