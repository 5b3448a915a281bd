package io.watchpost.ui.alerts;

import io.watchpost.detect.Alert;
import io.watchpost.detect.EventRef;
import io.watchpost.detect.RuleSeverity;
import io.watchpost.detect.alerts.AlertStore;
import io.watchpost.detect.alerts.StoredAlert;
import io.watchpost.detect.alerts.TriageState;
import io.watchpost.store.Cache;
import io.watchpost.store.TeamState;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Triage on the headless FX toolkit: pick an alert, close it as a false positive with a note, show another's events. */
class AlertsViewTest {
    @TempDir
    Path tempDir;
    private final FxRobot robot = new FxRobot();
    private final List<List<EventRef>> shown = new CopyOnWriteArrayList<>();
    private Cache cache;
    private AlertStore store;
    private AlertsViewModel model;
    private final MarkingTeam team = new MarkingTeam();

    /** Team state whose markers the test sets, as a sync's conflict would, and whose "remote change" it fires. */
    static final class MarkingTeam implements TeamState {
        final Map<String, Overwrite> marks = new ConcurrentHashMap<>();
        final List<RemoteChange> listeners = new CopyOnWriteArrayList<>();

        @Override
        public void changed(String kind, String id, String bodyJson) {
            marks.remove(id); // the user acted: a new change clears the marker, as SharedObjectStore does
        }

        @Override
        public void deleted(String kind, String id) {
        }

        @Override
        public Map<String, Overwrite> overwrites(String kind) {
            return Map.copyOf(marks);
        }

        @Override
        public void acknowledge(String kind, String id) {
            marks.remove(id);
        }

        @Override
        public Subscription subscribe(String kind, RemoteChange listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void show() throws Exception {
        cache = Cache.open(tempDir.resolve("cache"));
        store = new AlertStore(cache.dataSource(), java.time.Clock.systemUTC(), team);
        Instant t = Instant.parse("2025-11-24T08:00:00Z");
        store.save(new Alert("a-root", "sigma.aws_root_account_usage", "AWS Root Credentials", RuleSeverity.MEDIUM,
                "vitaliy0x1", List.of("attack.privilege-escalation"), "user=root", t, t.plusSeconds(30), 3,
                List.of(new EventRef("/aws/cloudtrail", "e1"), new EventRef("/aws/cloudtrail", "e2")), "root used"));
        store.save(new Alert("a-trail", "wp.cloudtrail-tampering", "CloudTrail tampering", RuleSeverity.HIGH, null,
                List.of(), "user=mallory", t.plusSeconds(60), t.plusSeconds(60), 1,
                List.of(new EventRef("/aws/cloudtrail", "e9")), "StopLogging"));
        model = new AlertsViewModel(store, shown::add);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new AlertsView(model), 1280, 800));
            stage.show();
        });
        model.refresh();
    }

    @AfterEach
    void hide() throws Exception {
        model.shutdown();
        FxToolkit.cleanupStages();
        cache.close();
    }

    @Test
    void triageAnAlertAndShowAnothersEvents() {
        waitUntil("both open alerts are listed", () -> table().getItems().size() == 2);
        assertEquals("a-trail", call(() -> table().getItems().get(0).alert().id()), "newest first");

        run(() -> table().getSelectionModel().select(1));
        waitUntil("the detail shows the author", () -> text("#alert-detail").contains("author: vitaliy0x1"));
        run(() -> stateBox().setValue(TriageState.CLOSED_FALSE_POSITIVE));
        robot.clickOn("#alert-note").write("break-glass drill, ticket SEC-42");
        robot.clickOn("#alert-apply");

        waitUntil("the closed alert leaves the open list", () -> table().getItems().size() == 1);
        StoredAlert closed = store.get("a-root").orElseThrow();
        assertEquals(TriageState.CLOSED_FALSE_POSITIVE, closed.state());
        assertEquals("break-glass drill, ticket SEC-42", closed.note());

        run(() -> table().getSelectionModel().select(0));
        robot.clickOn("#alert-show-events");
        waitUntil("the events were handed over", () -> shown.size() == 1);
        assertEquals(List.of(new EventRef("/aws/cloudtrail", "e9")), shown.get(0));

        run(() -> model.scopeProperty().set(AlertsViewModel.Scope.ALL));
        waitUntil("all alerts are listed", () -> table().getItems().size() == 2);
        assertTrue(call(() -> table().getItems().stream().anyMatch(s -> s.state() == TriageState.CLOSED_FALSE_POSITIVE)));
    }

    @Test
    void anAlertWhoseTriageWasOverwrittenIsMarkedUntilAcknowledged() {
        waitUntil("both open alerts are listed", () -> table().getItems().size() == 2);
        // The sync took Bob's later triage over this workstation's, and tells the store's subscribers.
        team.marks.put("a-root", new TeamState.Overwrite("bob@ws2", Instant.parse("2026-01-10T12:00:00Z")));
        team.listeners.forEach(l -> l.apply("a-root", "{\"state\":\"new\",\"note\":\"bob: still open\"}", false));
        waitUntil("the row is marked", () -> table().getItems().stream().anyMatch(s -> s.alert().id().equals("a-root"))
                && cellText(1, 6).contains("overwritten"));
        assertEquals("new", cellText(0, 6), "the other alert is not marked");

        run(() -> table().getSelectionModel().select(1));
        waitUntil("the banner names the winner",
                () -> text("#alert-overwritten-text").equals("⚠ Your change was overwritten by bob@ws2 (2026-01-10 12:00 UTC)")
                        && robot.lookup("#alert-overwritten").query().isVisible());
        robot.clickOn("#alert-overwritten-ack");
        waitUntil("the marker is gone", () -> !robot.lookup("#alert-overwritten").query().isVisible()
                && !cellText(1, 6).contains("overwritten"));
        assertTrue(team.marks.isEmpty(), "acknowledged in the team state");
        assertEquals("bob: still open", store.get("a-root").orElseThrow().note(), "the store took the winner's triage");
    }

    private String cellText(int row, int column) {
        return call(() -> String.valueOf(table().getColumns().get(column).getCellData(row)));
    }

    @SuppressWarnings("unchecked")
    private TableView<StoredAlert> table() {
        return (TableView<StoredAlert>) robot.lookup("#alerts-table").query();
    }

    @SuppressWarnings("unchecked")
    private ChoiceBox<TriageState> stateBox() {
        return (ChoiceBox<TriageState>) robot.lookup("#alert-state").query();
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
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }
}
