package io.watchpost.ui.dashboard;

import io.watchpost.normalize.Event;
import io.watchpost.store.Cache;
import io.watchpost.store.RollupAppends;
import io.watchpost.store.RollupQueries;
import io.watchpost.ui.theme.Theme;
import io.watchpost.ui.theme.ThemeController;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.watchpost.store.RollupAppends.event;

/** A Dashboard on a real H2 cache with a fixed clock, in a 1280x800 headless stage; plus FX-thread helpers. */
final class DashboardFixture implements AutoCloseable {

    /** A fixed "now", mid-minute, so buckets and windows are the same on every run. */
    static final long NOW = 1_790_000_000_000L - Math.floorMod(1_790_000_000_000L, 60_000L) + 30_000;

    final Cache cache;
    final List<ExplorerRequest> requests = new CopyOnWriteArrayList<>();
    final List<AlertMarker> alerts = new CopyOnWriteArrayList<>();
    /** Whether the dashboard is told a source is ingesting. */
    final java.util.concurrent.atomic.AtomicBoolean ingesting = new java.util.concurrent.atomic.AtomicBoolean(true);
    DashboardViewModel viewModel;
    DashboardView view;
    Stage stage;

    DashboardFixture(Path dir) {
        cache = Cache.open(dir.resolve("cache"));
    }

    void append(List<Event> events) {
        RollupAppends.append(cache, events, NOW);
    }

    void open(Theme theme) throws Exception {
        stage = FxToolkit.setupStage(s -> {
            viewModel = new DashboardViewModel(new RollupQueries(cache.dataSource()), () -> List.copyOf(alerts), requests::add, ingesting::get, () -> NOW);
            view = new DashboardView(viewModel);
            Scene scene = new Scene(view, 1280, 800);
            new ThemeController(theme).register(scene);
            s.setScene(scene);
            s.show();
        });
        viewModel.start();
    }

    void waitForData(String what, BooleanSupplier onFx) {
        waitUntil(what, 20, () -> viewModel.dataProperty().get() != null && onFx.getAsBoolean());
    }

    @Override
    public void close() throws Exception {
        if (viewModel != null) {
            viewModel.shutdown();
        }
        FxToolkit.cleanupStages();
        cache.close();
    }

    /** About {@code perSecond} events a second for the last {@code seconds} before NOW, a realistic mix. */
    static List<Event> traffic(int seconds, double perSecond, long seed) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>();
        String[] users = {"alice", "bob", "ci-deployer", "svc-backup", "root"};
        String[] actions = {"ConsoleLogin", "AssumeRole", "GetObject", "DescribeInstances", "PutBucketPolicy"};
        int n = 0;
        for (int s = seconds; s > 0; s--) {
            long second = NOW - Math.floorMod(NOW, 1000L) - s * 1000L;
            double wave = 1 + 0.3 * Math.sin(s / 300.0);
            int count = (int) Math.round(perSecond * wave * (0.7 + 0.6 * r.nextDouble()));
            for (int i = 0; i < count; i++) {
                long t = second + r.nextInt(1000);
                long latency = 300 + (long) (Math.abs(r.nextGaussian()) * 900);
                int kind = r.nextInt(10);
                String ip = "203.0.113." + (1 + (int) Math.abs(r.nextGaussian() * 6));
                if (kind < 5) {
                    out.add(event("e" + n++, "/aws/cloudtrail/management", "cloudtrail", t, latency,
                            actions[(int) Math.min(actions.length - 1, Math.abs(r.nextGaussian() * 1.5))],
                            r.nextInt(15) == 0 ? "failure" : "success", users[(int) Math.min(users.length - 1, Math.abs(r.nextGaussian() * 1.5))], ip));
                } else if (kind < 8) {
                    boolean reject = r.nextInt(6) == 0;
                    out.add(event("e" + n++, "/vpc/flow-logs", "vpcflow", t, latency + 4000, reject ? "REJECT" : "ACCEPT",
                            reject ? "failure" : "success", null, "198.51.100." + (1 + (int) Math.abs(r.nextGaussian() * 4))));
                } else if (kind < 9) {
                    out.add(event("e" + n++, "/ec2/secure", "auth", t, latency / 2, "sshd_login", r.nextBoolean() ? "failure" : "success",
                            "ec2-user", "192.0.2." + (1 + r.nextInt(5))));
                } else {
                    out.add(event("e" + n++, "/ecs/payments-api", "json", t, latency / 3, null, null, null, null));
                }
            }
        }
        return out;
    }

    static <T> T call(Callable<T> onFx) {
        try {
            return WaitForAsyncUtils.asyncFx(onFx).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    static void waitUntil(String what, int seconds, BooleanSupplier onFx) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> call(onFx::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what, e);
        }
    }

    /** Snapshots the scene to PNG (AWT copy, as the other UI tests do, without javafx-swing). */
    void snapshot(Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // let ChartFX's next pulse draw the data set changes
        WritableImage image = call(() -> stage.getScene().snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
