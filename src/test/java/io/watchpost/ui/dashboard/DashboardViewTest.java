package io.watchpost.ui.dashboard;

import io.fair_acc.chartfx.XYChart;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.store.TalkerKind;
import io.watchpost.store.TimeRange;
import io.watchpost.ui.theme.Theme;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.watchpost.store.RollupAppends.event;
import static io.watchpost.ui.dashboard.DashboardFixture.NOW;
import static io.watchpost.ui.dashboard.DashboardFixture.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Dashboard on a real cache: clicks open the Explorer on the right bucket, empty charts say why, screenshots. */
class DashboardViewTest {

    @TempDir
    Path dir;
    private DashboardFixture fixture;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void clickingAThroughputBucketOpensTheExplorerOnThatSourceTypeAndSecond() throws Exception {
        fixture = new DashboardFixture(dir);
        long second = NOW - Math.floorMod(NOW, 1000L) - 30_000; // a bucket 30 s back, inside the window
        List<Event> events = new ArrayList<>();
        for (int s = 1; s <= 110; s++) {
            long t = NOW - Math.floorMod(NOW, 1000L) - s * 1000L;
            int trail = t == second ? 40 : 4;
            for (int i = 0; i < trail; i++) {
                events.add(event("t" + s + "-" + i, "/trail", "cloudtrail", t + i, 200, "ConsoleLogin", "success", "alice", "10.0.0.1"));
            }
            events.add(event("f" + s, "/flow", "vpcflow", t + 500, 3000, "REJECT", "failure", null, "198.51.100.7"));
        }
        fixture.append(events);
        fixture.open(Theme.LIGHT);
        // Two minutes: one-second buckets a few pixels wide, so a click lands in a known one.
        TimeRange twoMinutes = new TimeRange(NOW - Math.floorMod(NOW, 1000L) - 120_000, NOW - Math.floorMod(NOW, 1000L));
        DashboardFixture.call(() -> {
            fixture.viewModel.windowProperty().set(DashboardViewModel.customWindow(twoMinutes));
            return null;
        });
        fixture.waitForData("the custom window's data", () -> fixture.viewModel.dataProperty().get().range().equals(twoMinutes)
                && fixture.view.throughputPanel().reason().isEmpty());

        // Middle of the bucket, a third of the way up its cloudtrail band (cloudtrail is bigger: bottom of the stack).
        // ChartFX lays out axes and canvas on the pulses after new data: wait until the point stops moving.
        Point2D target = call(() -> screenPoint(fixture.view.throughputChart(), second / 1000.0 + 0.5, 40 / 3.0));
        for (int i = 0; i < 20; i++) {
            Thread.sleep(100);
            Point2D again = call(() -> screenPoint(fixture.view.throughputChart(), second / 1000.0 + 0.5, 40 / 3.0));
            if (again.equals(target) && i > 2) {
                break;
            }
            target = again;
        }
        Point2D clickAt = target;
        robot.moveTo(clickAt).clickOn(javafx.scene.input.MouseButton.PRIMARY);
        DashboardFixture.waitUntil("an Explorer request", 5, () -> !fixture.requests.isEmpty());
        assertEquals(new ExplorerRequest("event.dataset = \"cloudtrail\"", second, second + 1000), fixture.requests.get(0));

        // A top talker row: that value over the whole window.
        fixture.requests.clear();
        TopTalkersPane.TalkerList rejected = fixture.view.talkers().list(TalkerKind.REJECTED_FLOW);
        DashboardFixture.waitUntil("the rejected flows list", 5, () -> !rejected.values().isEmpty());
        robot.clickOn(call(() -> rejected.row(0)));
        DashboardFixture.waitUntil("a talker request", 5, () -> !fixture.requests.isEmpty());
        assertEquals(new ExplorerRequest("event.dataset = \"vpcflow\" and event.outcome = \"failure\" and source.ip = \"198.51.100.7\"",
                twoMinutes.fromMillis(), twoMinutes.toMillis()), fixture.requests.get(0));
    }

    @Test
    void latencyChartDrawsApiCallLatencyBesideEndToEnd() throws Exception {
        fixture = new DashboardFixture(dir);
        long second = NOW - Math.floorMod(NOW, 1000L) - 20_000;
        // Twenty calls ending in one second: 19 quick ones and one slow (a throttled call the SDK retried).
        for (int i = 0; i < 19; i++) {
            fixture.cache.events().apiCalls().record(second + i * 10, 40);
        }
        fixture.cache.events().apiCalls().record(second + 500, 2_500);
        fixture.append(List.of(event("e1", "/trail", "cloudtrail", second + 100, 1_200, "ConsoleLogin", "success", "alice", "10.0.0.1")));
        fixture.open(Theme.LIGHT);
        fixture.waitForData("API call latency", () -> !fixture.viewModel.dataProperty().get().apiLatency().get(0).isEmpty());

        DashboardData d = call(() -> fixture.viewModel.dataProperty().get());
        List<Series> api = d.apiLatency();
        assertEquals(List.of(second / 1000.0), java.util.Arrays.stream(api.get(0).x()).boxed().toList(), "one bucket: that second");
        assertTrue(api.get(0).y()[0] >= 40 && api.get(0).y()[0] < 60, "p50 is the quick calls' bin: " + api.get(0).y()[0]);
        assertEquals(2_500, api.get(2).y()[0], "max is exact");
        assertEquals(1_200, d.latency().get(2).y()[0], "end-to-end max beside it");
        // The figures are in the chart's data sets, and the latency chart draws those data sets.
        DashboardDataSets sets = fixture.viewModel.dataSets();
        assertEquals(2_500, call(() -> sets.apiLatency().get(2).get(1, 0)));
        assertTrue(call(() -> fixture.view.latencyChart().getRenderers().stream()
                .anyMatch(r -> r.getDatasets().containsAll(sets.apiLatency()))), "drawn on the latency chart");
    }

    @Test
    void emptyChartsSayWhyAndPauseSaysPaused() throws Exception {
        fixture = new DashboardFixture(dir);
        fixture.open(Theme.LIGHT);
        fixture.waitForData("the first refresh", () -> true);
        assertEquals("no events in this window", call(() -> fixture.view.throughputPanel().reason()));
        assertEquals("no events in this window", call(() -> fixture.view.latencyPanel().reason()));
        assertEquals("no alerts yet", call(() -> fixture.view.anomalyPanel().noteText()));
        // No grid lines: ChartFX snapshots their dash pattern on the FX thread after every GC (see Charts.chart).
        assertTrue(call(() -> !fixture.view.latencyChart().getGridRenderer().getHorizontalMajorGrid().isVisible()
                && !fixture.view.latencyChart().getGridRenderer().getVerticalMajorGrid().isVisible()));

        fixture.ingesting.set(false);
        fixture.viewModel.refreshNow(); // the fixture's clock stands still: no timed refresh
        String idle = "no events in this window — no source is ingesting (add one under Sources)";
        DashboardFixture.waitUntil("the idle reason", 5, () -> fixture.view.throughputPanel().reason().equals(idle));
        assertEquals(idle, call(() -> fixture.view.anomalyPanel().reason()));
        assertTrue(call(() -> fixture.viewModel.statusProperty().get()).endsWith("no source ingesting"));
        call(() -> {
            fixture.viewModel.pausedProperty().set(true);
            return null;
        });
        assertEquals("paused — " + idle, call(() -> fixture.view.throughputPanel().reason()));
        assertTrue(call(() -> fixture.viewModel.statusProperty().get()).startsWith("Paused"));
    }

    @Test
    void whileTheRollupsCatchUpTheChartsSayBuildingWithProgress() throws Exception {
        fixture = new DashboardFixture(dir);
        try (java.sql.Connection c = fixture.cache.dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            // The cache already holds 400,000 events the rollups have not counted: a fresh start filling with history.
            st.execute("ALTER TABLE events ALTER COLUMN seq RESTART WITH 400000");
        }
        fixture.cache.events().append(List.of(event("h1", "/trail", "cloudtrail", NOW - 5_000, 200, "ConsoleLogin", "success", "alice", "10.0.0.1")));
        fixture.open(Theme.LIGHT);
        fixture.waitForData("the first refresh", () -> true);
        assertEquals("building rollups… 0 % of the cache counted", call(() -> fixture.view.throughputPanel().reason()));
        assertEquals("building rollups… 0 % of the cache counted", call(() -> fixture.view.latencyPanel().reason()));

        try (java.sql.Connection c = fixture.cache.dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("UPDATE rollup_state SET last_seq = 200000");
        }
        fixture.viewModel.refreshNow();
        DashboardFixture.waitUntil("progress", 5, () -> fixture.view.throughputPanel().reason().equals("building rollups… 50 % of the cache counted"));

        fixture.append(List.of()); // the rollups catch up: the event is counted, the charts show it
        fixture.viewModel.refreshNow();
        DashboardFixture.waitUntil("caught up", 5, () -> fixture.view.throughputPanel().reason().isEmpty()
                && fixture.view.throughputPanel().noteText().isEmpty());
        assertEquals("no CloudWatch API calls in this window", call(() -> fixture.view.latencyPanel().noteText()));
    }

    @Test
    void aCustomRangeOutOfTheCacheIsPickedAndDrawn() throws Exception {
        fixture = new DashboardFixture(dir);
        long minute = NOW - Math.floorMod(NOW, 60_000L);
        List<Event> events = new ArrayList<>();
        for (int m = 1; m <= 180; m++) { // three hours, one event a minute
            events.add(event("m" + m, "/trail", "cloudtrail", minute - m * 60_000L + 1_000, 200, "ConsoleLogin", "success", "alice", "10.0.0.1"));
        }
        fixture.append(events);
        fixture.open(Theme.LIGHT);
        fixture.waitForData("the first refresh", () -> true);
        robot.clickOn("#dashboard-custom");
        DashboardFixture.waitUntil("the cache's extent", 5, () -> fixture.view.customRange().isVisible()
                && ((javafx.scene.control.Label) fixture.view.lookup("#dashboard-custom-extent")).getText().startsWith("cache holds"));
        java.time.LocalDate day = java.time.Instant.ofEpochMilli(minute).atZone(java.time.ZoneOffset.UTC).toLocalDate();
        String from = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.ofEpochMilli(minute - 150 * 60_000L));
        String to = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.ofEpochMilli(minute - 90 * 60_000L));
        assertTrue(minute - 150 * 60_000L >= day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli(), "the fixture's range is one day");
        call(() -> {
            ((javafx.scene.control.DatePicker) fixture.view.lookup("#dashboard-custom-from-day")).setValue(day);
            ((javafx.scene.control.TextField) fixture.view.lookup("#dashboard-custom-from-time")).setText(from);
            ((javafx.scene.control.DatePicker) fixture.view.lookup("#dashboard-custom-to-day")).setValue(day);
            ((javafx.scene.control.TextField) fixture.view.lookup("#dashboard-custom-to-time")).setText(to);
            return null;
        });
        robot.clickOn("#dashboard-custom-apply");
        TimeRange picked = new TimeRange(minute - 150 * 60_000L, minute - 90 * 60_000L);
        fixture.waitForData("the picked range", () -> fixture.viewModel.dataProperty().get().range().equals(picked));
        DashboardData d = call(() -> fixture.viewModel.dataProperty().get());
        assertEquals(60, java.util.Arrays.stream(d.stackedRates().get(0).y()).filter(y -> y > 0).count(), "one event a minute, an hour");
        assertEquals(picked.fromMillis() / 1000.0, call(() -> fixture.view.throughputChart().getXAxis().getMin()));
    }

    @Test
    void screenshotsLightAndDark() throws Exception {
        fixture = new DashboardFixture(dir);
        List<Event> events = DashboardFixture.traffic(3600, 6, 7);
        // A burst of failed console logins from one address twenty minutes ago: the anomaly the band should flag.
        long burst = NOW - 20 * 60_000;
        for (int i = 0; i < 2400; i++) {
            events.add(event("burst" + i, "/aws/cloudtrail/management", "cloudtrail", burst + i * 25, 600, "ConsoleLogin", "failure",
                    "root", "198.51.100.23"));
        }
        // The hour's CloudWatch calls: a few a second, tens of ms, now and then a throttled one the SDK retried.
        java.util.Random r = new java.util.Random(11);
        for (long t = NOW - 3_600_000; t < NOW; t += 400) {
            fixture.cache.events().apiCalls().record(t, r.nextInt(500) == 0 ? 900 + r.nextInt(600) : 35 + (long) Math.abs(r.nextGaussian() * 25));
        }
        fixture.append(events);
        fixture.alerts.add(new AlertMarker(burst + 5_000, Severity.CRITICAL, "Console login burst"));
        fixture.open(Theme.LIGHT);
        call(() -> {
            fixture.viewModel.windowProperty().set(TimeWindow.PRESETS.get(1));
            return null;
        });
        fixture.waitForData("an hour of data", () -> fixture.viewModel.dataProperty().get().window().equals(TimeWindow.PRESETS.get(1))
                && fixture.viewModel.dataProperty().get().hasEvents());
        fixture.snapshot(Path.of("assets/screenshots/dashboard-light.png"));
        call(() -> {
            new io.watchpost.ui.theme.ThemeController(Theme.DARK).register(fixture.stage.getScene());
            return null;
        });
        fixture.snapshot(Path.of("assets/screenshots/dashboard-dark.png"));
        assertTrue(call(() -> fixture.viewModel.dataProperty().get().anomalies().x().length) >= 1, "the burst is flagged");
    }

    /** Where a data point is on screen. */
    private static Point2D screenPoint(XYChart chart, double x, double y) {
        double px = chart.getXAxis().getDisplayPosition(x);
        double py = chart.getYAxis().getDisplayPosition(y);
        return chart.getCanvas().localToScreen(px, py);
    }
}
