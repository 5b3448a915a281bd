package io.watchpost.ui.rules;

import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.Rule;
import io.watchpost.detect.RuleSources;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.store.Cache;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules workspace on the headless FX toolkit: edit, see the error and its position, fix, test, backtest, save. */
class RulesWorkspaceTest {

    static final String RULE = """
            id: user.root-login
            title: Root console login
            severity: high
            kind: match
            filter: "sourceType = cloudtrail and userIdentity.type = Root and eventName = ConsoleLogin"
            tests:
              - name: root login fires
                expect: fire
                events:
                  - logGroup: /aws/cloudtrail
                    message: '{"eventVersion":"1.08","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","eventTime":"2025-11-24T08:00:00Z","userIdentity":{"type":"Root"}}'
              - name: an IAM user does not
                expect: none
                events:
                  - logGroup: /aws/cloudtrail
                    message: '{"eventVersion":"1.08","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","eventTime":"2025-11-24T08:00:00Z","userIdentity":{"type":"IAMUser"}}'
            """;

    @TempDir
    Path tempDir;
    private final FxRobot robot = new FxRobot();
    private Cache cache;
    private DetectionEngine engine;
    private RulesWorkspaceModel model;
    private RulesWorkspace view;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void show() throws Exception {
        cache = Cache.open(tempDir.resolve("cache"));
        Normalizer n = new Normalizer();
        List<io.watchpost.normalize.Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t = Instant.parse("2025-11-24T08:00:00Z").toEpochMilli() + i * 600_000L;
            events.add(n.normalize(new RawLogEvent("/aws/cloudtrail", "s", "e" + i, t, t,
                    "{\"eventVersion\":\"1.08\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\","
                            + "\"eventTime\":\"" + Instant.ofEpochMilli(t) + "\",\"userIdentity\":{\"type\":\""
                            + (i % 2 == 0 ? "Root" : "IAMUser") + "\"}}")));
        }
        cache.events().append(events);
        engine = new DetectionEngine(RuleSources.builtIn().rules());
        model = new RulesWorkspaceModel(engine, tempDir.resolve("rules"), io.watchpost.detect.Backtester.over(cache.dataSource()));
        FxToolkit.setupStage(stage -> {
            view = new RulesWorkspace(model);
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
        });
        model.load();
    }

    @AfterEach
    void hide() throws Exception {
        model.shutdown();
        FxToolkit.cleanupStages();
        cache.close();
    }

    @Test
    void editSeeTheErrorWhereItIsFixRunTestsBacktestAndSave() throws Exception {
        waitUntil("the rule list is loaded", () -> list().getItems().size() > 20);
        waitUntil("the first built-in rule is in the editor, valid", () -> text("#rule-error").equals("valid"));

        robot.clickOn("#rule-new");
        String broken = RULE.replace("severity: high", "severity: urgent");
        run(() -> editor().setText(broken));
        waitUntil("the error is shown with its position", () -> text("#rule-error").startsWith("line 3, column 11: "));
        assertTrue(text("#rule-error").contains("severity 'urgent'"), text("#rule-error"));

        robot.clickOn("#rule-error");
        waitUntil("the caret is on the error", () -> editor().getCaretPosition()
                == RulesWorkspaceModel.offsetOf(broken, 3, 11));
        assertEquals("urgent", call(() -> editor().getText().substring(editor().getCaretPosition(),
                editor().getCaretPosition() + 6)));

        // fix it by typing: select the bad word and type over it
        run(() -> editor().selectRange(editor().getCaretPosition(), editor().getCaretPosition() + 6));
        robot.write("high");
        waitUntil("the rule is valid again", () -> text("#rule-error").equals("valid"));
        waitUntil("its test cases are listed", () -> tests().getItems().size() == 2);

        robot.clickOn("#rule-run-tests");
        waitUntil("the tests ran", () -> text("#rule-test-summary").equals("2 passed, 0 failed"));
        assertTrue(call(() -> tests().getItems().stream().allMatch(r -> r.status().equals("pass"))));

        robot.clickOn("#rule-backtest");
        waitUntil("the backtest ran", () -> text("#rules-status").startsWith("backtest: 3 hits"));
        assertEquals(3, (int) call(() -> robot.lookup("#backtest-matches").queryListView().getItems().size()));
        assertEquals(3L, (long) call(() -> ((BarChart<?, ?>) robot.lookup("#backtest-chart").query()).getData().get(0)
                .getData().stream().mapToLong(d -> ((Number) d.getYValue()).longValue()).sum()));

        robot.clickOn("#rule-save");
        waitUntil("saved", () -> text("#rules-status").startsWith("saved user.root-login.yml"));
        assertTrue(Files.readString(tempDir.resolve("rules/user.root-login.yml")).contains("severity: high"));
        Rule live = engine.rules().stream().filter(r -> r.id().equals("user.root-login")).findFirst().orElseThrow();
        assertTrue(live.enabled());

        robot.clickOn("#rule-enabled"); // it was enabled: this turns it off
        waitUntil("disabled in the engine", () -> engine.rules().stream()
                .anyMatch(r -> r.id().equals("user.root-login") && !r.enabled()));
    }

    @Test
    void caretOffsetOfLineAndColumn() {
        assertEquals(0, RulesWorkspaceModel.offsetOf("ab\ncd", 1, 1));
        assertEquals(4, RulesWorkspaceModel.offsetOf("ab\ncd", 2, 2));
        assertEquals(5, RulesWorkspaceModel.offsetOf("ab\ncd", 9, 9));
    }

    @SuppressWarnings("unchecked")
    private ListView<RuleEntry> list() {
        return (ListView<RuleEntry>) robot.lookup("#rules-list").query();
    }

    @SuppressWarnings("unchecked")
    private TableView<TestCaseRow> tests() {
        return (TableView<TestCaseRow>) robot.lookup("#rule-tests").query();
    }

    private TextArea editor() {
        return robot.lookup("#rule-editor").query();
    }

    private String text(String id) {
        return call(() -> ((Labeled) robot.lookup(id).query()).getText());
    }

    static <T> T call(Callable<T> onFx) {
        try {
            return WaitForAsyncUtils.asyncFx(onFx).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    static void run(Runnable onFx) {
        call(() -> {
            onFx.run();
            return null;
        });
    }

    static void waitUntil(String what, BooleanSupplier onFx) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> call(onFx::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for: " + what + " (error label: "
                    + call(() -> ((Labeled) new FxRobot().lookup("#rule-error").query()).getText()) + ", status: "
                    + call(() -> ((Labeled) new FxRobot().lookup("#rules-status").query()).getText()) + ")", e);
        }
    }
}
