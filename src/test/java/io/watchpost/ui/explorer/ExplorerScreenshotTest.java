package io.watchpost.ui.explorer;

import io.watchpost.testing.FxThread;
import io.watchpost.source.IngestMetrics;
import io.watchpost.store.Cache;
import io.watchpost.store.ExplorerServices;
import io.watchpost.ui.MainWindow;
import io.watchpost.ui.UiServices;
import io.watchpost.ui.events.EventRow;
import io.watchpost.ui.theme.Theme;
import io.watchpost.ui.theme.ThemeController;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static io.watchpost.testing.FxThread.call;
import static io.watchpost.testing.FxThread.run;
import static io.watchpost.testing.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Explorer screenshot: the repository's sample data through the real normalizer into a real cache, the
 * main window on its Explorer tab, a failed-login filter and a CloudTrail event selected. Written to the build's
 * screenshots folder as explorer.png (copy it to assets/screenshots when the view changes).
 */
class ExplorerScreenshotTest {

    @TempDir
    Path tempDir;

    private Cache cache;
    private MainWindow window;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            run(window::shutdown);
        }
        FxToolkit.cleanupStages();
        if (cache != null) {
            cache.close();
        }
    }

    @Test
    void explorerOnTheSampleData() throws Exception {
        Path samples = Path.of("sample-data");
        cache = Cache.open(tempDir.resolve("cache"));
        ExplorerTestEvents.fill(cache.events(), ExplorerTestEvents.sampleData(samples));
        AtomicReference<MainWindow> built = new AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            built.set(new MainWindow(UiServices.of(cache.events(), new IngestMetrics(),
                    "Demo: embedded CloudWatch endpoint http://127.0.0.1:4566"), ExplorerServices.of(cache)));
            stage.setScene(new Scene(built.get(), 1280, 800));
            stage.show();
        });
        window = built.get();
        run(() -> ((TabPane) window.getCenter()).getSelectionModel().select(1));
        ExplorerView view = call(() -> window.explorer().current());
        waitUntil("all sample events", 60, () -> view.viewModel().countProperty().get() > 10_000);
        run(() -> view.viewModel().filterTextProperty().set("event.dataset in [cloudtrail, auth] and severity >= notice"));
        run(() -> view.viewModel().submit());
        waitUntil("the filtered result", 60, () -> !view.viewModel().busyProperty().get()
                && view.viewModel().countProperty().get() < 10_000 && !view.viewModel().rows().isEmpty());
        int trail = call(() -> {
            for (int i = 0; i < view.viewModel().rows().size(); i++) {
                EventRow r = view.viewModel().rows().get(i);
                if (r.sourceType().equals("cloudtrail")) {
                    return i;
                }
            }
            return 0;
        });
        run(() -> {
            view.table().getSelectionModel().select(trail);
            view.table().scrollTo(Math.max(0, trail - 3));
        });
        waitUntil("the raw event", 10, () -> !view.detail().raw().getText().isEmpty());
        WaitForAsyncUtils.sleep(800, java.util.concurrent.TimeUnit.MILLISECONDS);
        Path png = snapshot("explorer.png");
        assertTrue(Files.size(png) > 10_000);

        // The same view in the dark theme, then a filter with a mistake in it (the bar's invalid state) in both.
        run(() -> new ThemeController(Theme.DARK).register(window.getScene()));
        Path dark = snapshot("explorer-dark.png");
        assertTrue(Files.size(dark) > 10_000);
        run(() -> ((javafx.scene.control.TabPane) view.lookup("#explorer-detail-tabs")).getSelectionModel().select(1));
        snapshot("explorer-dark-fields.png");
        run(() -> view.viewModel().filterTextProperty().set("event.dataset in [cloudtrail, auth] and severity >="));
        snapshot("explorer-dark-invalid.png");
        run(() -> new ThemeController(Theme.LIGHT).register(window.getScene()));
        snapshot("explorer-light-invalid.png");
    }

    private Path snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WritableImage image = call(() -> window.getScene().snapshot(null));
        Path png = FxThread.screenshots().resolve(name);
        FxThread.writePng(image, png);
        return png;
    }
}
