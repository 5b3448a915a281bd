package io.watchpost.ui.sources;

import io.watchpost.testing.FxThread;
import io.watchpost.source.ApiQuotas;
import io.watchpost.source.AwsProfile;
import io.watchpost.source.AwsSettings;
import io.watchpost.source.BackfillProgress;
import io.watchpost.source.ConnectionTest;
import io.watchpost.source.EngineOptions;
import io.watchpost.source.IngestEngine;
import io.watchpost.source.IngestMode;
import io.watchpost.source.RequestBudget;
import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.source.emulator.InputLogEvent;
import io.watchpost.store.Cache;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.image.WritableImage;
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
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static io.watchpost.testing.FxThread.call;
import static io.watchpost.testing.FxThread.run;
import static io.watchpost.testing.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sources view against a real {@link IngestEngine} on a real H2 cache, reading the embedded CloudWatch Logs
 * endpoint through the real SDK: search, follow, test connection, backfill and cancel, as an analyst clicks them.
 */
class SourcesViewTest {

    private static final String ORDERS = "/app/orders";
    private static final int FILLER_GROUPS = 60; // more than one DescribeLogGroups page (50)
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withPollInterval(Duration.ofMillis(500))
            .withOverlap(Duration.ofSeconds(5))
            .withInitialLookback(Duration.ofMinutes(10));

    @TempDir
    Path tempDir;

    private final FxRobot robot = new FxRobot();
    private CloudWatchLogsEmulator emulator;
    private Cache cache;
    private IngestEngine engine;
    private SourcesViewModel viewModel;
    private SourcesView view;
    private Thread feeder;
    private final AtomicBoolean feeding = new AtomicBoolean();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void startEndpoint() throws Exception {
        emulator = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
        cache = Cache.open(tempDir.resolve("cache"));
        emulator.logs().createLogGroup(ORDERS);
        emulator.logs().createLogGroup("/app/payments");
        emulator.logs().createLogGroup("/infra/vpc-flow");
        for (int i = 0; i < FILLER_GROUPS; i++) {
            emulator.logs().createLogGroup(String.format("/app/svc-%02d", i));
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        feeding.set(false);
        if (feeder != null) {
            feeder.join(5_000);
        }
        if (viewModel != null) {
            viewModel.shutdown();
        }
        FxToolkit.cleanupStages();
        if (engine != null) {
            engine.close();
        }
        cache.close();
        emulator.close();
    }

    @Test
    void searchAddFollowShowsPollingWithTheReasonAndARate() throws Exception {
        open(ApiQuotas.awsDefaults(), SourceLookups.aws());

        run(() -> viewModel.prefixProperty().set("/app/"));
        robot.clickOn("#sources-search");
        ListView<String> results = robot.lookup("#sources-search-results").queryListView();
        waitUntil("every /app/ group, across DescribeLogGroups pages", 20,
                () -> results.getItems().size() == FILLER_GROUPS + 2);
        assertFalse(call(() -> results.getItems().contains("/infra/vpc-flow")));
        assertEquals("62 log groups starting with /app/", label("#sources-search-message"));

        run(() -> {
            results.getSelectionModel().select(ORDERS);
            results.scrollTo(ORDERS);
        });
        robot.clickOn("#sources-follow");
        waitUntil("a row for " + ORDERS, 10, () -> row(ORDERS).isPresent());

        waitUntil("POLLING with the reason Live Tail is unavailable", 40, () -> row(ORDERS)
                .filter(r -> r.status().mode() == IngestMode.POLLING && r.status().liveTailUnavailableReason() != null)
                .isPresent());
        // the table re-renders on its next layout pass after the row's status changed
        waitUntil("the mode cell shows the row's status", 10, () -> {
            try {
                modeCell(ORDERS);
                return true;
            } catch (AssertionError notYet) {
                return false;
            }
        });
        String tooltip = call(() -> modeCellTooltip(ORDERS));
        assertTrue(tooltip.startsWith("Polling: Live Tail unavailable — "), tooltip);
        assertEquals("polling", call(() -> modeCellText(ORDERS)));

        startFeeding(ORDERS);
        waitUntil("events/s > 0 in the table", 30, () -> row(ORDERS)
                .filter(r -> r.status().snapshot().eventsPerSecond() > 0).isPresent());
        SourceStatus s = call(() -> row(ORDERS).orElseThrow().status());
        assertTrue(s.snapshot().apiCalls() > 0, "API calls counted");
        assertTrue(s.snapshot().bytesPerSecond() > 0, "bytes/s counted");
        assertTrue(s.snapshot().lagMillis() >= 0, "lag known once events are stored");

        run(() -> view.select(ORDERS));
        robot.clickOn("#sources-unfollow");
        waitUntil("the row leaves the table", 20, () -> row(ORDERS).isEmpty());
        assertTrue(call(() -> view.table().getItems().isEmpty()));
    }

    @Test
    void testConnectionShowsTheEndpointsAnswerWithoutFreezingTheFxThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> calledOn = new AtomicReference<>();
        SourceLookups real = SourceLookups.aws();
        // The real test, held until the view has been checked mid-call: a slow endpoint made deterministic.
        SourceLookups held = new SourceLookups() {
            @Override
            public List<AwsProfile> listProfiles() {
                return real.listProfiles();
            }

            @Override
            public List<String> listLogGroups(AwsSettings settings, String prefix) {
                return real.listLogGroups(settings, prefix);
            }

            @Override
            public ConnectionTest testConnection(AwsSettings settings) {
                calledOn.set(Thread.currentThread().getName() + (Platform.isFxApplicationThread() ? " (FX)" : ""));
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return real.testConnection(settings);
            }
        };
        open(ApiQuotas.awsDefaults(), held);

        robot.clickOn("#sources-test-connection");
        waitUntil("the spinner turns while the test runs", 10,
                () -> robot.lookup("#sources-test-spinner").query().isVisible());
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertEquals("Testing connection…", label("#sources-connection-result"));
        }
        long fxMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(fxMillis < 2_000, "the FX thread answered while the test was in flight (" + fxMillis + " ms)");
        assertTrue(call(() -> robot.lookup("#sources-test-connection").query().isDisabled()));
        assertEquals("watchpost-sources-test", calledOn.get());
        assertTrue(label("#sources-engine-source").startsWith("Following through http://127.0.0.1:"));
        run(() -> viewModel.regionProperty().set("eu-west-1"));
        assertTrue(label("#sources-engine-source").startsWith("Followed groups are still read through"));
        run(() -> viewModel.regionProperty().set("us-east-1"));

        release.countDown();
        waitUntil("the endpoint's answer", 30,
                () -> label("#sources-connection-result").equals("STS not available at this endpoint; CloudWatch Logs answers"));
        assertFalse(call(() -> robot.lookup("#sources-test-spinner").query().isVisible()));
        assertTrue(call(() -> robot.lookup("#sources-connection-result").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("ok"))));
    }

    @Test
    void backfillProgressAdvancesToDone() throws Exception {
        long end = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        long start = end - Duration.ofHours(1).toMillis();
        int events = 30_000;
        seed("/app/payments", start, end, events);
        // Four FilterLogEvents a second, half of them the follow's polls: pages arrive apart, so progress is seen moving.
        open(ApiQuotas.awsDefaults().withFilterLogEvents(4), SourceLookups.aws());
        List<BackfillProgress> seen = followAndWatchBackfill("/app/payments");

        run(() -> view.backfillPane().fill(new BackfillRange(start - 60_000, end + 60_000)));
        robot.clickOn("#sources-backfill-start");
        waitUntil("the backfill is done", 60, () -> {
            BackfillProgress p = viewModel.backfillProperty().get();
            return p != null && p.state() == IngestMode.DONE;
        });
        ProgressBar bar = robot.lookup("#sources-backfill-progress").queryAs(ProgressBar.class);
        assertEquals(1.0, call(bar::getProgress), 1e-9);
        assertEquals("Done: 30,000 events", label("#sources-backfill-status"));
        List<BackfillProgress> running = seen.stream().filter(p -> p.state() == IngestMode.BACKFILL && p.eventsDone() > 0).toList();
        assertFalse(running.isEmpty(), "progress shown while running: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).eventsDone() >= seen.get(i - 1).eventsDone(), "events done never go back: " + seen);
        }
        assertTrue(call(() -> !robot.lookup("#sources-backfill-start").query().isDisabled()), "can start another");
    }

    @Test
    void cancellingALongBackfillStopsIt() throws Exception {
        long end = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        long start = end - Duration.ofHours(6).toMillis();
        int events = 200_000;
        seed("/app/payments", start, end, events);
        // One FilterLogEvents a second for twenty pages: long enough to cancel in the middle.
        open(ApiQuotas.awsDefaults().withFilterLogEvents(1), SourceLookups.aws());
        followAndWatchBackfill("/app/payments");

        run(() -> view.backfillPane().fill(new BackfillRange(start, end + 1)));
        robot.clickOn("#sources-backfill-start");
        waitUntil("a first page stored", 30, () -> {
            BackfillProgress p = viewModel.backfillProperty().get();
            return p != null && p.eventsDone() > 0;
        });
        assertTrue(label("#sources-backfill-status").contains("ETA"), label("#sources-backfill-status"));
        robot.clickOn("#sources-backfill-cancel");
        waitUntil("the backfill is stopped", 30, () -> {
            BackfillProgress p = viewModel.backfillProperty().get();
            return p != null && p.state() == IngestMode.STOPPED;
        });
        BackfillProgress p = call(() -> viewModel.backfillProperty().get());
        assertTrue(p.eventsDone() < events, "stopped before the end: " + p);
        assertTrue(label("#sources-backfill-status").startsWith("Stopped at "), label("#sources-backfill-status"));
        assertTrue(call(() -> robot.lookup("#sources-backfill-cancel").query().isDisabled()));
    }

    @Test
    void screenshotOfTheSourcesView() throws Exception {
        long end = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        long start = end - Duration.ofHours(6).toMillis();
        seed("/app/payments", start, end, 200_000);
        open(ApiQuotas.awsDefaults().withFilterLogEvents(2), SourceLookups.aws());
        run(() -> viewModel.follow(List.of(ORDERS, "/app/payments", "/infra/vpc-flow", "/app/missing-group")));
        startFeeding(ORDERS);
        run(() -> viewModel.prefixProperty().set("/app/svc-"));
        robot.clickOn("#sources-search");
        robot.clickOn("#sources-test-connection");
        waitUntil("rates flowing", 40, () -> row(ORDERS)
                .filter(r -> r.status().snapshot().eventsPerSecond() > 0 && r.status().liveTailUnavailableReason() != null)
                .isPresent());
        run(() -> view.select("/app/payments"));
        run(() -> view.backfillPane().fill(new BackfillRange(start, end + 1)));
        robot.clickOn("#sources-backfill-start");
        waitUntil("backfill under way", 30, () -> {
            BackfillProgress p = viewModel.backfillProperty().get();
            return p != null && p.eventsDone() > 20_000 && p.etaMillis() >= 0;
        });
        waitUntil("connection answered", 30, () -> !viewModel.testingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        AtomicReference<WritableImage> image = new AtomicReference<>();
        run(() -> image.set(view.getScene().snapshot(null)));
        Path png = FxThread.screenshots().resolve("sources.png");
        FxThread.writePng(image.get(), png);
        assertTrue(Files.size(png) > 10_000, "a real picture, not an empty frame");
        run(viewModel::cancelBackfill);
    }

    // ------------------------------------------------------------------ helpers

    private void open(ApiQuotas quotas, SourceLookups lookups) throws Exception {
        engine = new IngestEngine(AwsSettings.embedded(emulator.endpoint()), OPTIONS, new RequestBudget(quotas),
                cache.events());
        viewModel = new SourcesViewModel(engine, lookups);
        String css = SourcesView.class.getResource("/io/watchpost/ui/watchpost.css").toExternalForm();
        // 1280x800: Monocle's headless screen size.
        FxToolkit.setupStage(stage -> {
            view = new SourcesView(viewModel, ZoneOffset.UTC, Clock.systemUTC());
            Scene scene = new Scene(view, 1280, 800);
            scene.getStylesheets().add(css);
            stage.setScene(scene);
            stage.show();
        });
        viewModel.start();
    }

    /** Follows a group, selects its row, and records every backfill progress the view shows. */
    private List<BackfillProgress> followAndWatchBackfill(String group) {
        List<BackfillProgress> seen = new CopyOnWriteArrayList<>();
        run(() -> {
            viewModel.backfillProperty().addListener((obs, old, p) -> seen.add(p));
            viewModel.follow(List.of(group));
        });
        waitUntil("a row for " + group, 10, () -> row(group).isPresent());
        run(() -> view.select(group));
        waitUntil("backfill can start", 10, () -> !robot.lookup("#sources-backfill-start").query().isDisabled());
        return seen;
    }

    private void seed(String group, long start, long end, int count) {
        List<InputLogEvent> batch = new ArrayList<>(count);
        long step = Math.max(1, (end - start) / count);
        for (int i = 0; i < count; i++) {
            batch.add(new InputLogEvent(start + i * step, "payment " + i + " accepted amount=" + (i % 997) + " currency=EUR"));
        }
        emulator.logs().seed(group, "history", batch);
    }

    /** Puts 20 events every 200 ms, stamped now, until the test ends. */
    private void startFeeding(String group) {
        emulator.logs().createLogStream(group, "web-1");
        feeding.set(true);
        feeder = new Thread(() -> {
            int n = 0;
            while (feeding.get()) {
                List<InputLogEvent> batch = new ArrayList<>();
                long now = System.currentTimeMillis();
                for (int i = 0; i < 20; i++) {
                    batch.add(new InputLogEvent(now, "GET /orders/" + (n++) + " 200 12ms"));
                }
                emulator.logs().putLogEvents(group, "web-1", batch);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-feeder");
        feeder.setDaemon(true);
        feeder.start();
    }

    private Optional<SourceRow> row(String group) {
        return viewModel.rows().stream().filter(r -> r.logGroup().equals(group)).findFirst();
    }

    private String label(String id) {
        return call(() -> ((Label) robot.lookup(id).query()).getText());
    }

    @SuppressWarnings("unchecked")
    private TableCell<SourceRow, SourceStatus> modeCell(String group) {
        for (Node n : view.table().lookupAll(".source-mode-cell")) {
            TableCell<SourceRow, SourceStatus> cell = (TableCell<SourceRow, SourceStatus>) n;
            // Only the cell showing the row's current status: the virtual flow keeps spare cells with stale items.
            if (!cell.isEmpty() && cell.isVisible() && cell.getItem() == row(group).orElseThrow().status()) {
                return cell;
            }
        }
        throw new AssertionError("no mode cell for " + group);
    }

    private String modeCellTooltip(String group) {
        return modeCell(group).getTooltip().getText();
    }

    private String modeCellText(String group) {
        return ((Label) modeCell(group).getGraphic()).getText();
    }
}
