package io.watchpost.ui;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.source.IngestMetrics;
import io.watchpost.source.IngestPipeline;
import io.watchpost.store.Cache;
import io.watchpost.store.EventStore;
import io.watchpost.ui.events.EventRow;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first window on a real H2 cache, fed from a background thread the way ingestion feeds it. */
class MainWindowTest {

    private static final String SOURCE = "Demo: embedded CloudWatch endpoint http://127.0.0.1:4566";
    private static final int ROUNDS = 10;
    private static final int DIRECT_PER_ROUND = 6;
    private static final int PIPELINE_PER_ROUND = 15;
    private static final int TOTAL = ROUNDS * (DIRECT_PER_ROUND + PIPELINE_PER_ROUND);
    private static final int PAGES = ROUNDS + ROUNDS / 2; // every other page is read twice
    private static final int PARSE_ERRORS_PER_PAGE = PIPELINE_PER_ROUND / 5;

    @TempDir
    Path tempDir;

    private Cache cache;
    private IngestMetrics metrics;
    private MainWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openWindow() throws Exception {
        cache = Cache.open(tempDir.resolve("cache"));
        metrics = new IngestMetrics();
        // 1280x800: Monocle's headless screen size; a larger stage overflows its frame buffer.
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(UiServices.of(cache.events(), metrics, SOURCE));
            stage.setScene(new Scene(window, 1280, 800));
            stage.show();
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (window != null) {
            window.shutdown();
        }
        FxToolkit.cleanupStages();
        cache.close();
    }

    @Test
    void streamsEventsIntoTableChartAndStatusBar() throws Exception {
        feedOverTwoSeconds();
        EventStore store = cache.events();
        long maxSeq = store.maxSeq();
        assertEquals(TOTAL, store.count());

        TableView<EventRow> table = window.eventsView().table();
        Fx.waitUntil("the table holds every appended event", 10, () -> table.getItems().size() == TOTAL);
        List<Long> seqs = Fx.call(() -> table.getItems().stream().map(EventRow::seq).toList());
        assertEquals(maxSeq, seqs.get(0), "newest event on top");
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i - 1) > seqs.get(i), "rows are newest first");
        }
        assertTrue(Fx.call(() -> table.getItems().stream().anyMatch(EventRow::hasParseError)));

        CircularDoubleErrorDataSet stored = window.throughputViewModel().storedPerSecond();
        Fx.waitUntil("the chart shows a non-zero rate", 10, () -> maxY(stored) > 0);

        Fx.waitUntil("the status bar counts the cache", 10,
                () -> window.statusBar().cachedLabel().getText().equals("Cached: " + TOTAL + " events"));
        assertTrue(Fx.call(() -> robot.lookup("#status-source").queryLabeled().getText()).contains("127.0.0.1:4566"));
        assertTrue(Fx.call(() -> robot.lookup("#status-api-calls").queryLabeled().getText()).equals("API calls: " + PAGES));
        assertTrue(Fx.call(() -> robot.lookup("#status-parse-errors").queryLabeled().getText()).equals("Parse errors: " + PAGES * PARSE_ERRORS_PER_PAGE));
    }

    @Test
    void selectingARowShowsItsRawTextAndFields() throws Exception {
        Event text = TestEvents.text(7, java.time.Instant.now());
        Event trail = TestEvents.cloudTrail(8, java.time.Instant.now());
        Event broken = TestEvents.parseError(9, java.time.Instant.now());
        cache.events().append(List.of(text, trail, broken));
        TableView<EventRow> table = window.eventsView().table();
        Fx.waitUntil("three rows", 10, () -> table.getItems().size() == 3);

        // Rows are newest first: the broken event on top, the text line last. Click the text line like a user would.
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node textRow = robot.from(table).lookup(".table-row-cell")
                .match((javafx.scene.control.TableRow<EventRow> row) -> row.getItem() != null
                        && row.getItem().source().event().eventId().equals(text.eventId()))
                .query();
        robot.clickOn(textRow);
        Fx.waitUntil("the raw text of the text event", 10,
                () -> window.eventsView().rawText().getText().equals(text.raw()));
        assertTrue(Fx.call(() -> window.eventsView().fieldsText().getText()).contains("logGroup:"));

        Fx.run(() -> table.getSelectionModel().select(1));
        Fx.waitUntil("the CloudTrail JSON, pretty-printed", 10,
                () -> window.eventsView().rawText().getText().contains("\n  \"eventName\" : \"" + trail.action() + "\""));
        String fields = Fx.call(() -> window.eventsView().fieldsText().getText());
        assertTrue(fields.contains("userIdentity.userName"), fields);

        Fx.run(() -> table.getSelectionModel().select(0));
        Fx.waitUntil("the malformed raw text, untouched, with its parse error flagged", 10,
                () -> window.eventsView().rawText().getText().equals(broken.raw())
                        && robot.lookup(".detail-header .parse-error-badge").queryLabeled().isVisible());
    }

    @Test
    void screenshotOfTheLiveWindow() throws Exception {
        feedOverTwoSeconds();
        // Let the chart collect a few more one-second samples, including the drop back to zero.
        Thread.sleep(3_000);
        TableView<EventRow> table = window.eventsView().table();
        Fx.waitUntil("all rows", 10, () -> table.getItems().size() == TOTAL);
        Fx.run(() -> table.getSelectionModel().select(1));
        Fx.waitUntil("detail shown", 10, () -> !window.eventsView().rawText().getText().isEmpty());
        Fx.waitUntil("status counted", 10, () -> window.statusBar().cachedLabel().getText().contains(String.valueOf(TOTAL)));

        AtomicReference<WritableImage> image = new AtomicReference<>();
        Fx.run(() -> image.set(window.getScene().snapshot(null)));
        Path png = PngSnapshots.directory().resolve("main-window.png");
        PngSnapshots.write(image.get(), png);
        assertTrue(Files.size(png) > 10_000, "a real picture, not an empty frame");
    }

    /** Ten rounds over about two seconds: some events appended directly, the rest through the real ingest pipeline. */
    private void feedOverTwoSeconds() throws InterruptedException {
        IngestPipeline pipeline = new IngestPipeline(new Normalizer(), cache.events(), metrics);
        Thread feeder = new Thread(() -> {
            for (int round = 0; round < ROUNDS; round++) {
                cache.events().append(TestEvents.direct(round, DIRECT_PER_ROUND));
                var page = TestEvents.cloudWatchPage(round, PIPELINE_PER_ROUND);
                pipeline.storePage(TestEvents.TRAIL_GROUP, page, null);
                if (round % 2 == 1) {
                    // An overlapping poll reads the page again: read climbs, stored does not (duplicates).
                    pipeline.storePage(TestEvents.TRAIL_GROUP, page, null);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-feeder");
        feeder.start();
        feeder.join(30_000);
    }

    static double maxY(CircularDoubleErrorDataSet dataSet) {
        return dataSet.lock().readLockGuard(() -> {
            double max = 0;
            for (int i = 0; i < dataSet.getDataCount(); i++) {
                max = Math.max(max, dataSet.get(1, i));
            }
            return max;
        });
    }
}
