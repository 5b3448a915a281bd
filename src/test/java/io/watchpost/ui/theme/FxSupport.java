package io.watchpost.ui.theme;

import io.watchpost.source.IngestMetrics;
import io.watchpost.store.Cache;
import io.watchpost.ui.SessionStarter;
import io.watchpost.ui.UiServices;
import io.watchpost.ui.settings.AppSettings;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** Shared by the shell's TestFX tests: FX-thread calls, waits, PNG snapshots, and a session starter on a temp cache. */
public final class FxSupport {

    private FxSupport() {
    }

    public static <T> T call(Callable<T> onFxThread) {
        return io.watchpost.testing.FxThread.call(onFxThread);
    }

    public static void run(Runnable onFxThread) {
        io.watchpost.testing.FxThread.run(onFxThread);
    }

    public static void waitUntil(String what, int seconds, BooleanSupplier onFxThread) {
        io.watchpost.testing.FxThread.waitUntil(what, seconds, onFxThread);
    }

    /** Snapshots the scene into target-install/screenshots/NAME (the build directory's screenshots folder). */
    public static Path snapshot(Scene scene, String name) throws IOException {
        WritableImage img = call(() -> scene.snapshot(null));
        Path file = screenshots().resolve(name);
        io.watchpost.testing.FxThread.writePng(img, file);
        return file;
    }

    public static Path screenshots() {
        return io.watchpost.testing.FxThread.screenshots();
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
