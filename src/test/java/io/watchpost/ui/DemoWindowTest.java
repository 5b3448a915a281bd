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

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

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
        WatchpostApplication.setServicesFactory(() -> {
            DemoSession demo = DemoSession.start(dir.resolve("demo-cache"));
            return new UiServices(demo.cache().events(), demo.metrics(), demo.describe(), demo);
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

        AtomicReference<WritableImage> image = new AtomicReference<>();
        Fx.run(() -> image.set(stage.getScene().snapshot(null)));
        PngSnapshots.write(image.get(), PngSnapshots.directory().resolve("demo-window.png"));
    }
}
