package io.watchpost.ui.explorer;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.store.Cache;
import io.watchpost.store.SortOrder;
import io.watchpost.ui.events.EventRow;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.watchpost.testing.FxThread.call;
import static io.watchpost.testing.FxThread.run;
import static io.watchpost.testing.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The result table over a cache of a few hundred thousand events: the scrollbar spans the whole result, a jump to
 * the middle or the end shows exactly the events that belong there (read by position, not by walking pages), both
 * orders, and however far the analyst scrolls the tab holds only a bounded number of rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerScrollTest {

    private static final int TOTAL = 300_000;
    /** Event n happens at T0 + n·100 ms; its message says "event n", so any row tells its position. */
    private static final long T0 = Instant.parse("2025-11-20T00:00:00Z").toEpochMilli();

    private Cache cache;
    private ExplorerTabs explorer;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    void fill(@TempDir Path dir) throws Exception {
        FxToolkit.registerPrimaryStage();
        cache = Cache.open(dir.resolve("cache"));
        List<Event> batch = new ArrayList<>(10_000);
        for (int n = 0; n < TOTAL; n++) {
            Instant t = Instant.ofEpochMilli(T0 + n * 100L);
            batch.add(new Event(t, t, "/bulk", "s", "e" + n, "text", n % 50 == 0 ? Severity.ERROR : Severity.INFO,
                    null, null, null, null, "event " + n, "event " + n, Map.of(), null));
            if (batch.size() == 10_000) {
                cache.events().append(batch);
                batch.clear();
            }
        }
    }

    @AfterAll
    void closeCache() {
        cache.close();
    }

    @BeforeEach
    void open() throws Exception {
        explorer = ExplorerTestEvents.show(cache);
        waitUntil("the whole cache counted", 60, () -> view().viewModel().countProperty().get() == TOTAL);
    }

    @AfterEach
    void close() throws Exception {
        run(explorer::shutdown);
        FxToolkit.cleanupStages();
    }

    private ExplorerView view() {
        return explorer.current();
    }

    private ResultRows rows() {
        return (ResultRows) view().viewModel().rows();
    }

    @Test
    void jumpsToTheMiddleAndTheEndShowTheEventsThatBelongThere() {
        assertEquals(TOTAL, (int) call(() -> view().table().getItems().size()), "the scrollbar spans the whole result");
        assertShows(0, TOTAL - 1); // newest first
        assertShows(TOTAL / 2, TOTAL - 1 - TOTAL / 2);
        assertShows(TOTAL - 1, 0); // the end: the oldest event, without walking 600 pages
        int somewhere = TOTAL * 2 / 5 + 57;
        assertShows(somewhere, TOTAL - 1 - somewhere);
        // Scrolling on from a loaded page continues it (keyset seek) without a gap or a repeat.
        assertShows(somewhere + ExplorerViewModel.PAGE_SIZE, TOTAL - 1 - somewhere - ExplorerViewModel.PAGE_SIZE);

        run(() -> view().viewModel().orderProperty().set(SortOrder.OLDEST_FIRST));
        run(() -> view().viewModel().run());
        waitUntil("oldest first", 60, () -> rows().order() == SortOrder.OLDEST_FIRST
                && !view().viewModel().busyProperty().get());
        assertShows(0, 0);
        assertShows(TOTAL - 1, TOTAL - 1);
        assertShows(TOTAL * 2 / 3 + 1, TOTAL * 2 / 3 + 1);
    }

    @Test
    void scrollingFarHoldsOnlyABoundedNumberOfRows() {
        int bound = ExplorerViewModel.MAX_PAGES * ExplorerViewModel.PAGE_SIZE;
        int jumps = ExplorerViewModel.MAX_PAGES + 20;
        for (int i = 0; i < jumps; i++) {
            int index = (int) ((long) i * (TOTAL / jumps) * 7 % TOTAL); // all over the result, each on its own page
            assertShows(index, TOTAL - 1 - index);
            assertTrue(call(() -> rows().loadedRowCount()) <= bound,
                    "holds " + call(() -> rows().loadedRowCount()) + " rows after " + (i + 1) + " jumps");
        }
        assertTrue(call(() -> rows().loadedRowCount()) >= (ExplorerViewModel.MAX_PAGES - 1) * ExplorerViewModel.PAGE_SIZE,
                "keeps the recent pages");
        // The first page was let go long ago; shown again, it is read again.
        assertNull(call(() -> rows().peek(ExplorerViewModel.PAGE_SIZE * 3 / 2)));
        assertShows(0, TOTAL - 1);
    }

    @Test
    void aRowWaitingForItsPageCannotBeSelectedIntoTheDetail() {
        run(() -> view().viewModel().select(ResultRows.PLACEHOLDER));
        assertNull(call(() -> view().viewModel().selectedProperty().get()));
        int index = TOTAL / 4 + 7;
        assertShows(index, TOTAL - 1 - index);
        run(() -> view().table().getSelectionModel().clearAndSelect(index));
        waitUntil("the selected event's detail", 20,
                () -> view().detail().raw().getText().equals("event " + (TOTAL - 1 - index)));
    }

    /** Scrolls row {@code index} into view and waits until the table shows event {@code n} in it. */
    private void assertShows(int index, int n) {
        run(() -> view().table().scrollTo(index));
        long started = System.nanoTime();
        try {
            waitUntil("row " + index + " shows event " + n, 30, () -> shownAt(index)
                    .map(r -> r.message().equals("event " + n)).orElse(false));
        } catch (AssertionError e) {
            throw new AssertionError("row " + index + " shows " + call(() -> shownAt(index).map(EventRow::message))
                    + " visible " + call(() -> robot.lookup("#explorer-table .table-row-cell").queryAll().stream()
                    .map(r -> ((TableRow<?>) r).getIndex() + (((TableRow<?>) r).isVisible() ? "" : "h")).toList())
                    + " status " + call(() -> view().viewModel().statusProperty().get()), e);
        }
        assertTrue(System.nanoTime() - started < 20_000_000_000L);
    }

    /** The row the table's cell at {@code index} displays, if that cell is on screen. */
    private Optional<EventRow> shownAt(int index) {
        return robot.lookup("#explorer-table .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == index && r.getItem() instanceof EventRow)
                .map(n -> (EventRow) ((TableRow<?>) n).getItem())
                .findFirst();
    }
}
