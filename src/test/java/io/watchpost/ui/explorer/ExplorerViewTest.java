package io.watchpost.ui.explorer;

import io.watchpost.normalize.Event;
import io.watchpost.source.IngestMetrics;
import io.watchpost.store.Cache;
import io.watchpost.store.ExplorerServices;
import io.watchpost.store.TimeRange;
import io.watchpost.ui.MainWindow;
import io.watchpost.ui.UiServices;
import io.watchpost.ui.events.EventRow;
import javafx.concurrent.Worker;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.watchpost.testing.FxThread.call;
import static io.watchpost.testing.FxThread.run;
import static io.watchpost.testing.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Explorer on a real H2 cache of 3,000 varied events, driven through the UI the way an analyst drives it. */
class ExplorerViewTest {

    private static final int TOTAL = 3_000;

    @TempDir
    Path tempDir;

    private Cache cache;
    private List<Event> events;
    private ExplorerTabs explorer;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openExplorer() throws Exception {
        cache = Cache.open(tempDir.resolve("cache"));
        events = ExplorerTestEvents.events(TOTAL, System.currentTimeMillis() - 60_000);
        ExplorerTestEvents.fill(cache.events(), events);
        explorer = ExplorerTestEvents.show(cache);
        waitUntil("the first result", 30, () -> view().viewModel().countProperty().get() == TOTAL);
    }

    @AfterEach
    void close() throws Exception {
        if (explorer != null) {
            run(explorer::shutdown);
        }
        FxToolkit.cleanupStages();
        cache.close();
    }

    private ExplorerView view() {
        return explorer.current();
    }

    private long count() {
        return call(() -> view().viewModel().countProperty().get());
    }

    /** Waits for the current tab's count, saying what the tab shows if it never comes. */
    private void awaitCount(String what, long expected) {
        try {
            waitUntil(what, 30, () -> view().viewModel().countProperty().get() == expected
                    && !view().viewModel().busyProperty().get());
        } catch (AssertionError e) {
            throw new AssertionError(what + ": filter '" + call(() -> view().viewModel().filterTextProperty().get())
                    + "' count " + count() + " expected " + expected + " status "
                    + call(() -> view().viewModel().statusProperty().get()) + " range "
                    + call(() -> view().viewModel().rangeProperty().get()) + " resolved "
                    + call(() -> view().viewModel().resolvedRangeProperty().get()) + " full "
                    + ExplorerServices.of(cache).explorer().fullRange() + " direct "
                    + ExplorerServices.of(cache).explorer().count(FilterCheck.of(call(() -> view().viewModel()
                    .filterTextProperty().get())).where(), io.watchpost.store.TimeRange.ALL) + " hist "
                    + call(() -> view().viewModel().histogramProperty().get().buckets().size()) + " rows "
                    + call(() -> view().viewModel().rows().size()) + " users in cache "
                    + ExplorerServices.of(cache).explorer().topValues(io.watchpost.store.SqlWhere.ALL,
                    io.watchpost.store.TimeRange.ALL, "user.name", 10) + " in list "
                    + events.stream().filter(ev -> ev.user() != null).collect(java.util.stream.Collectors.groupingBy(
                    Event::user, java.util.stream.Collectors.counting())) + " total " + cache.events().count()
                    + " times " + ExplorerServices.of(cache).explorer().topValues(io.watchpost.store.SqlWhere.ALL,
                    io.watchpost.store.TimeRange.ALL, "log.group", 5) + " tabs "
                    + call(() -> explorer.tabPane().getTabs().size()), e);
        }
    }

    /** The store's own count for a filter and range: the oracle the Explorer's count must match. */
    private long storeCount(String filter, TimeRange range) {
        return ExplorerServices.of(cache).explorer().count(FilterCheck.of(filter).where(), range);
    }

    private long storeCount(String filter) {
        return storeCount(filter, TimeRange.ALL);
    }

    private long expected(java.util.function.Predicate<Event> p) {
        return events.stream().filter(p).count();
    }

    @Test
    void typingAFilterChangesTheCountAndABadFilterTurnsTheBarRed() {
        robot.clickOn("#explorer-filter").write("user.name = alice");
        robot.type(KeyCode.ESCAPE); // close the completion popup if it is open
        long alice = storeCount("user.name = alice");
        try {
            waitUntil("the count for alice", 20, () -> view().viewModel().countProperty().get() == alice);
        } catch (AssertionError e) {
            throw new AssertionError("filter '" + call(() -> view().viewModel().filterTextProperty().get()) + "' count "
                    + count() + " status " + call(() -> view().viewModel().statusProperty().get()), e);
        }
        assertTrue(alice > 0 && alice < TOTAL);
        assertTrue(call(() -> view().filterBar().field().getPseudoClassStates().contains(PseudoClass.getPseudoClass("valid"))));

        robot.write(" and event.action in");
        robot.type(KeyCode.ESCAPE);
        waitUntil("the bar turns red", 10, () -> view().filterBar().field().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("invalid")));
        String message = call(() -> robot.lookup("#explorer-filter-error").queryAs(Label.class).getText());
        String caret = call(() -> robot.lookup("#explorer-filter-caret").queryAs(Label.class).getText());
        FilterCheck check = call(() -> view().viewModel().filterCheckProperty().get());
        assertTrue(message.contains("column " + check.column()), message);
        assertEquals(" ".repeat(check.column() - 1) + "^", caret);
        assertTrue(check.column() > "user.name = alice".length(), "the error points into the new part");
        assertEquals(alice, count(), "a bad filter does not run");
    }

    @Test
    void autocompleteOffersFieldNamesAndFrequentValues() {
        robot.clickOn("#explorer-filter").write("user.na");
        waitUntil("field suggestions", 15, () -> popupOffers("user.name"));
        robot.type(KeyCode.ESCAPE);
        run(() -> view().filterBar().field().clear());
        robot.write("user.name = mal");
        waitUntil("value suggestions", 15, () -> popupOffers("mallory"));
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil("the value completed", 10, () -> "user.name = mallory".equals(view().filterBar().field().getText()));
    }

    /** Whether the ControlsFX completion popup (a ListView in its own window) shows {@code text}. */
    private boolean popupOffers(String text) {
        return javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                .filter(w -> w instanceof javafx.stage.PopupWindow)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".list-cell").stream())
                .anyMatch(n -> n instanceof javafx.scene.control.ListCell<?> c && text.equals(c.getText()));
    }

    @Test
    void aNewerQuerySupersedesAnOlderOne() {
        run(() -> {
            view().viewModel().filterTextProperty().set("user.name = alice");
            view().viewModel().run();
            view().viewModel().filterTextProperty().set("user.name = bob");
            view().viewModel().run();
        });
        long bob = storeCount("user.name = bob");
        awaitCount("bob's result", bob);
        assertTrue(call(() -> view().viewModel().rows().stream().allMatch(r -> "bob".equals(r.user()))));
    }

    @Test
    void rightClickOnAValuePivotsTheFilter() {
        AtomicReference<String> user = new AtomicReference<>();
        Node cell = call(() -> robot.lookup("#explorer-table .table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && "explorer-col-user.name".equals(c.getTableColumn().getId())
                        && c.getText() != null && !c.getText().isEmpty())
                .peek(n -> user.set(((TableCell<?, ?>) n).getText()))
                .findFirst().orElseThrow());
        robot.rightClickOn(cell);
        robot.clickOn("Filter for user.name = " + user.get());
        assertEquals("user.name = " + user.get(), call(() -> view().viewModel().filterTextProperty().get()));
        long expected = storeCount("user.name = " + user.get());
        try {
            waitUntil("the pivoted count", 30, () -> view().viewModel().countProperty().get() == expected);
        } catch (AssertionError e) {
            throw new AssertionError("filter '" + call(() -> view().viewModel().filterTextProperty().get()) + "' count "
                    + count() + " expected " + expected + " status " + call(() -> view().viewModel().statusProperty().get())
                    + " range " + call(() -> view().viewModel().rangeProperty().get()) + " resolved "
                    + call(() -> view().viewModel().resolvedRangeProperty().get()) + " tabs "
                    + call(() -> explorer.tabPane().getTabs().size()) + " cache " + cache.events().count(), e);
        }

        // Filter out from the sidebar narrows further: no failures.
        run(() -> view().filterOut("event.outcome", "failure"));
        long withoutFailures = storeCount("user.name = " + user.get() + " and not event.outcome = failure");
        waitUntil("filter out", 20, () -> view().viewModel().countProperty().get() == withoutFailures);
        assertEquals("user.name = " + user.get() + " and not event.outcome = failure",
                call(() -> view().viewModel().filterTextProperty().get()));
    }

    @Test
    void pivotAroundAnEventOpensANewTabWithTheActorsEvents() {
        EventRow first = call(() -> view().viewModel().rows().get(0));
        Event e = first.source().event();
        // The newest event is app text (no user); take the first CloudTrail row.
        EventRow trail = call(() -> view().viewModel().rows().stream().filter(r -> r.source().event().user() != null)
                .findFirst().orElseThrow());
        run(() -> view().around("user.name", trail.user(), trail.source().event(), 15));
        waitUntil("a second tab", 10, () -> explorer.tabPane().getTabs().size() == 2);
        long t = trail.source().event().eventTime().toEpochMilli();
        long expected = storeCount("user.name = " + FilterEdits.quote(trail.user()),
                new TimeRange(t - 15 * 60_000, t + 15 * 60_000 + 1));
        assertTrue(expected > 0);
        awaitCount("the new tab's count", expected);
        assertTrue(e != null);
    }

    @Test
    void selectingARowShowsTheRawEventPrettyPrinted() {
        int index = call(() -> {
            List<EventRow> rows = view().viewModel().rows();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).source().event().raw().startsWith("{")) {
                    return i;
                }
            }
            return -1;
        });
        Node cell = call(() -> robot.lookup("#explorer-table .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == index)
                .findFirst().orElseThrow());
        robot.clickOn(cell);
        waitUntil("the raw pane", 10, () -> view().detail().raw().getText().contains("\"eventVersion\" : \"1.08\""));
        String raw = call(() -> view().detail().raw().getText());
        assertTrue(raw.startsWith("{\n  \"eventVersion\""), raw);
        assertTrue(call(() -> view().detail().fields().getItems().stream().anyMatch(f -> f.field().equals("user.name"))));
    }

    @Test
    void choosingAPresetOrDraggingOnTheHistogramChangesTheRange() {
        robot.clickOn("#explorer-range-preset");
        robot.clickOn(TimePreset.LAST_1_HOUR.label());
        waitUntil("an hour's range", 20, () -> {
            TimeRange r = view().viewModel().resolvedRangeProperty().get();
            return r != null && Math.abs(r.millis() - 3_600_000L) <= 1 && view().viewModel().countProperty().get() < TOTAL
                    && !view().viewModel().busyProperty().get();
        });
        long hour = count();
        long lastHour = expected(e -> e.eventTime().toEpochMilli() >= System.currentTimeMillis() - 3_600_000L - 30_000);
        assertTrue(Math.abs(hour - lastHour) < 10, hour + " vs " + lastHour);

        run(() -> view().viewModel().setRange(RangeChoice.of(TimePreset.ALL_CACHED)));
        waitUntil("all again", 20, () -> view().viewModel().countProperty().get() == TOTAL);
        TimeRange before = call(() -> view().viewModel().resolvedRangeProperty().get());
        TimelineChart chart = call(() -> view().timeline());
        // The axis takes the new range on the next layout pulse: drag only once it shows the whole cache.
        waitUntil("the axis shows the whole range", 10, () -> {
            double[] axis = chart.axisSeconds();
            return Math.abs(axis[0] - before.fromMillis() / 1000.0) < 1 && Math.abs(axis[1] - before.toMillis() / 1000.0) < 1;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        long a = before.fromMillis() + before.millis() / 4;
        long b = before.fromMillis() + before.millis() / 2;
        javafx.geometry.Point2D start = call(() -> chart.localToScreen(chart.xFor(a), chart.getHeight() / 2));
        javafx.geometry.Point2D end = call(() -> chart.localToScreen(chart.xFor(b), chart.getHeight() / 2));
        robot.drag(start, javafx.scene.input.MouseButton.PRIMARY).dropTo(end);
        waitUntil("the dragged range", 20, () -> {
            TimeRange r = view().viewModel().resolvedRangeProperty().get();
            return r != null && r.millis() < before.millis() && !view().viewModel().busyProperty().get();
        });
        TimeRange after = call(() -> view().viewModel().resolvedRangeProperty().get());
        // Within a couple of pixels of the dragged times.
        long pixel = before.millis() / 800;
        assertTrue(Math.abs(after.fromMillis() - a) <= 3 * pixel, "from " + after.fromMillis() + " vs " + a);
        assertTrue(Math.abs(after.toMillis() - b) <= 3 * pixel, "to " + after.toMillis() + " vs " + b);
        long inRange = expected(e -> e.eventTime().toEpochMilli() >= after.fromMillis()
                && e.eventTime().toEpochMilli() < after.toMillis());
        assertEquals(inRange, count());
    }

    @Test
    void theTableSpansTheWholeResultAndReadsPagesAsTheyComeIntoView() {
        ResultRows rows = call(() -> (ResultRows) view().viewModel().rows());
        assertEquals(TOTAL, (int) call(rows::size), "one row per matching event, loaded or not");
        assertEquals(ExplorerViewModel.PAGE_SIZE, (int) call(rows::loadedRowCount), "only the first page read");
        run(() -> view().table().scrollTo(ExplorerViewModel.PAGE_SIZE + 10));
        waitUntil("the second page", 20, () -> rows.peek(ExplorerViewModel.PAGE_SIZE + 10) != null);
        // Newest first, no duplicates across the page boundary.
        List<EventRow> loaded = call(() -> java.util.stream.IntStream.range(0, 2 * ExplorerViewModel.PAGE_SIZE)
                .mapToObj(rows::peek).toList());
        for (int i = 1; i < loaded.size(); i++) {
            assertTrue(loaded.get(i - 1).source().event().eventTime().compareTo(loaded.get(i).source().event().eventTime()) >= 0);
        }
        assertEquals(loaded.size(), loaded.stream().map(EventRow::seq).distinct().count());
    }

    @Test
    void exportWritesEveryEventOfTheResult() throws Exception {
        run(() -> view().viewModel().filterTextProperty().set("event.outcome = failure"));
        run(() -> view().viewModel().run());
        long failures = storeCount("event.outcome = failure");
        awaitCount("failures", failures);
        Path jsonl = tempDir.resolve("out.jsonl");
        ExportTask task = call(() -> view().export(jsonl, ExportFormat.JSON_LINES).orElseThrow());
        waitUntil("the export", 30, () -> task.getState() == Worker.State.SUCCEEDED);
        assertEquals(failures, Files.readAllLines(jsonl).size());
        assertEquals(failures, (long) call(task::getValue));
        Path csv = tempDir.resolve("out.csv");
        ExportTask csvTask = call(() -> view().export(csv, ExportFormat.CSV).orElseThrow());
        waitUntil("the CSV export", 30, () -> csvTask.getState() == Worker.State.SUCCEEDED);
        assertEquals(failures + 1, Files.readAllLines(csv).size(), "header plus one line per event");
        waitUntil("progress bar hidden", 10, () -> !robot.lookup("#explorer-export-progress").query().isVisible()
                || !robot.lookup("#explorer-export-progress").query().getParent().isVisible());
    }

    @Test
    void cancellingAnExportDeletesThePartialFile() throws Exception {
        Path out = tempDir.resolve("cancelled.csv");
        ExportTask task = call(() -> view().viewModel().exportTask(out, ExportFormat.CSV).orElseThrow());
        task.cancel(); // before it runs: nothing is written and no file is left
        task.run();
        assertTrue(task.isCancelled());
        assertTrue(Files.notExists(out));
    }

    @Test
    void savedSearchesTagsAndNotesAreKeptInTheCache() {
        run(() -> view().viewModel().filterTextProperty().set("user.name = root"));
        run(() -> view().viewModel().saveSearch("root activity"));
        waitUntil("saved", 10, () -> view().viewModel().savedSearches().stream().anyMatch(s -> s.name().equals("root activity")));
        EventRow row = call(() -> view().viewModel().rows().get(0));
        run(() -> view().viewModel().select(row));
        run(() -> view().viewModel().addTag("suspicious"));
        run(() -> view().viewModel().saveNote("checked with the on-call"));
        waitUntil("tag and note", 10, () -> view().viewModel().tags().contains("suspicious")
                && view().viewModel().noteProperty().get().equals("checked with the on-call"));
        // A second tab reads them back from the cache.
        ExplorerView second = call(() -> explorer.open(Search.EVERYTHING));
        run(() -> second.viewModel().select(row));
        waitUntil("read back", 10, () -> second.viewModel().tags().contains("suspicious"));
    }

    @Test
    void mainWindowShowsLiveAndExplorerTabs() throws Exception {
        AtomicReference<MainWindow> window = new AtomicReference<>();
        FxToolkit.setupStage((Stage stage) -> {
            window.set(new MainWindow(UiServices.of(cache.events(), new IngestMetrics(), "test"), ExplorerServices.of(cache)));
            stage.setScene(new Scene(window.get(), 1280, 800));
        });
        try {
            TabPane tabs = call(() -> (TabPane) window.get().getCenter());
            assertEquals(List.of("Live", "Explorer"), call(() -> tabs.getTabs().stream().map(t -> t.getText()).toList()));
        } finally {
            run(() -> window.get().shutdown());
        }
    }
}
