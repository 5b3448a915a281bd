package io.watchpost.ui.theme;

import io.watchpost.source.IngestMetrics;
import io.watchpost.store.Cache;
import io.watchpost.ui.SessionStarter;
import io.watchpost.ui.UiServices;
import io.watchpost.ui.settings.AppSettings;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** Shared by the shell's TestFX tests: FX-thread calls, waits, PNG snapshots, and a session starter on a temp cache. */
public final class FxSupport {

    private FxSupport() {
    }

    public static <T> T call(Callable<T> onFxThread) {
        try {
            return WaitForAsyncUtils.asyncFx(onFxThread).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    public static void run(Runnable onFxThread) {
        call(() -> {
            onFxThread.run();
            return null;
        });
    }

    public static void waitUntil(String what, int seconds, BooleanSupplier onFxThread) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> call(onFxThread::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what, e);
        }
    }

    /** Snapshots the scene into target-install/screenshots/NAME (the build directory's screenshots folder). */
    public static Path snapshot(Scene scene, String name) throws IOException {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        run(() -> image.set(scene.snapshot(null)));
        WritableImage img = image.get();
        int width = (int) img.getWidth();
        int height = (int) img.getHeight();
        int[] argb = new int[width * height];
        PixelReader reader = img.getPixelReader();
        reader.getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb, 0, width);
        Path file = screenshots().resolve(name);
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
        return file;
    }

    public static Path screenshots() {
        String jar = System.getProperty("watchpost.jar");
        Path build = jar == null ? Path.of("target") : Path.of(jar).toAbsolutePath().getParent();
        return build.resolve("screenshots");
    }

    /** A session starter that opens an empty cache in {@code dir} and records every settings it was asked for. */
    public static final class RecordingSessions implements SessionStarter {
        private final Path dir;
        public final List<AppSettings> started = new CopyOnWriteArrayList<>();
        public final List<Cache> closed = new CopyOnWriteArrayList<>();

        public RecordingSessions(Path dir) {
            this.dir = dir;
        }

        @Override
        public UiServices start(AppSettings settings) {
            started.add(settings);
            Cache cache = Cache.open(dir.resolve("cache-" + started.size()));
            return new UiServices(cache.events(), new IngestMetrics(), "Test " + settings.source(), () -> {
                cache.close();
                closed.add(cache);
            });
        }

        @Override
        public List<String> awsProfiles() {
            return List.of("default", "prod-readonly", "security-audit");
        }
    }
}
