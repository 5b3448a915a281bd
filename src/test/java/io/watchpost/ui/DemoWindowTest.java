package io.watchpost.ui;

import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import io.watchpost.app.DemoSession;
import javafx.application.Application;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import io.watchpost.detect.alerts.AlertFilter;
import io.watchpost.detect.alerts.StoredAlert;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole first run, as a new user gets it: the application starts the demo (embedded endpoint serving the sample
 * data, polling through the SDK into a fresh cache) and the window's table fills, the chart draws and the status bar
 * counts.
 */
class DemoWindowTest {

    @TempDir
    Path dir;
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
    void theDemoFillsTheTableDrawsTheChartAndCounts() throws Exception {
        AtomicReference<UiServices> services = new AtomicReference<>();
        WatchpostApplication.setServicesFactory(() -> {
            DemoSession demo = DemoSession.start(dir.resolve("demo-cache"));
            services.set(new UiServices(demo.cache().events(), demo.metrics(), demo.describe(), demo, demo.workbench()));
            return services.get();
        });
        app = FxToolkit.setupApplication(WatchpostApplication::new);
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        Fx.waitUntil("the main window", 30, () -> stage.getScene().getRoot() instanceof MainWindow);
        MainWindow window = ((WatchpostApplication) app).mainWindow();

        Fx.waitUntil("a full table (the sample history is ~28,000 events; the table keeps 5,000)", 60,
                () -> window.eventsView().table().getItems().size() >= 5_000);
        CircularDoubleErrorDataSet stored = window.throughputViewModel().storedPerSecond();
        Fx.waitUntil("the chart draws the ingest rate", 30, () -> MainWindowTest.maxY(stored) > 100);
        Fx.waitUntil("the status bar counts thousands of cached events", 30, () -> {
            String text = window.statusBar().cachedLabel().getText().replace(",", "");
            return text.matches("Cached: \\d{5,} events");
        });
        String source = Fx.call(() -> new org.testfx.api.FxRobot().lookup("#status-source").queryLabeled().getText());
        assertTrue(source.contains("embedded CloudWatch Logs endpoint http://127.0.0.1:"), source);

        // The workbench's tabs are there, and detection runs on what the demo ingests: its attacks raise alerts.
        List<String> tabs = Fx.call(() -> window.tabPane().getTabs().stream().map(t -> t.getText()).toList());
        assertEquals(List.of("Live", "Explorer", "Dashboard", "Sources", "Rules", "Alerts"), tabs);
        Workbench workbench = services.get().workbench();
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<StoredAlert> alerts = List.of();
        while (System.nanoTime() < deadline) {
            alerts = workbench.alerts().list(AlertFilter.all(500));
            if (alerts.stream().anyMatch(a -> a.alert().ruleId().equals("wp.ssh-brute-force"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertTrue(alerts.stream().anyMatch(a -> a.alert().ruleId().equals("wp.ssh-brute-force")),
                "the demo's SSH brute force is detected: " + alerts.stream().map(a -> a.alert().ruleId()).toList());

        AtomicReference<WritableImage> image = new AtomicReference<>();
        Fx.run(() -> image.set(stage.getScene().snapshot(null)));
        PngSnapshots.write(image.get(), PngSnapshots.directory().resolve("demo-window.png"));
        // and the other tabs as the demo fills them, to look at
        for (String tab : List.of("Explorer", "Dashboard", "Alerts", "Rules", "Sources")) {
            Fx.run(() -> window.tabPane().getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst()
                    .ifPresent(t -> window.tabPane().getSelectionModel().select(t)));
            Thread.sleep(2500);
            Fx.run(() -> image.set(stage.getScene().snapshot(null)));
            PngSnapshots.write(image.get(), PngSnapshots.directory().resolve("demo-" + tab.toLowerCase() + ".png"));
        }
    }
}
