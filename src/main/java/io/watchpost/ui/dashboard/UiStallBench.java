package io.watchpost.ui.dashboard;

import io.watchpost.background.BackgroundThreads;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.store.Cache;
import io.watchpost.store.EventStore;
import io.watchpost.store.RollupQueries;
import io.watchpost.store.RollupUpdater;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Does the live Dashboard keep the FX thread responsive while the cache takes 50,000+ events/s? An AnimationTimer
 * records the gap between consecutive pulses (a pulse every ~16.7 ms when nothing blocks the FX thread; a longer
 * gap is a stall the analyst sees as a frozen window). Three phases on the same open window: a baseline without
 * ingest, then ingest of pre-normalized events through {@link EventStore#append} from a background thread at the
 * target rate, first with the dashboard paused, then live. As in the app, a {@link RollupUpdater} keeps the rollups
 * the charts read about a second behind the cache, on its own background thread. The paused phase separates what
 * ingestion costs the FX thread from what the dashboard adds; each phase also reports GC time and the longest
 * refresh applied on the FX thread.
 *
 * <p>Lives in the UI package, not io.watchpost.bench: ArchitectureTest keeps JavaFX and io.watchpost.ui out of the
 * bench and cli packages. Headless it needs Monocle (test scope in the pom) or a display (e.g. xvfb-run).
 */
public final class UiStallBench {

    public static final int TARGET_EVENTS_PER_SECOND = 50_000;
    public static final long STALL_LIMIT_MILLIS = 50;
    private static final int BATCH = 5_000;

    /** One phase's pulse gaps and ingest rate. */
    public record Phase(String name, int pulses, double p50Millis, double p99Millis, double maxMillis,
                        long events, double eventsPerSecond, int refreshes, double slowestRefreshMillis, long gcMillis,
                        double fxCpuShare, String longestStall) {

        String line() {
            return String.format(Locale.ROOT, "%-20s pulses %5d  gap p50 %5.1f  p99 %6.1f  max %7.1f ms | ingest %,9d events "
                            + "(%,7.0f/s) | %d refreshes, slowest on FX thread %.1f ms | FX thread CPU %.0f%% | GC pauses %d ms%n"
                            + "    longest stall: %s",
                    name, pulses, p50Millis, p99Millis, maxMillis, events, eventsPerSecond, refreshes, slowestRefreshMillis,
                    fxCpuShare * 100, gcMillis, longestStall);
        }
    }

    /**
     * The judged phases: idle, ingest with the dashboard paused (what ingestion alone does to the FX thread: GC
     * pauses, CPU), ingest with the dashboard live. {@link #passed()} when the live max gap stays under
     * {@link #STALL_LIMIT_MILLIS} while the cache took at least {@link #TARGET_EVENTS_PER_SECOND}.
     */
    public record Result(Phase baseline, Phase warmUp, Phase ingestPaused, Phase loaded) {
        public boolean stallsUnderLimit() {
            return loaded.maxMillis() < STALL_LIMIT_MILLIS;
        }

        public boolean rateReached() {
            return loaded.eventsPerSecond() >= TARGET_EVENTS_PER_SECOND;
        }

        public boolean passed() {
            return stallsUnderLimit() && rateReached();
        }
    }

    /**
     * Phase lengths and the ingest rate asked for. The warm-up (ingest with the dashboard live, reported but not
     * judged) takes the one-off costs out of the judged phases: the JIT compiling the refresh path, the charts
     * meeting their first source types.
     */
    public record Options(int baselineSeconds, int warmUpSeconds, int loadSeconds, int eventsPerSecond) {
        public static final Options FULL = new Options(10, 5, 20, TARGET_EVENTS_PER_SECOND);

        public Options atRate(int perSecond) {
            return new Options(baselineSeconds, warmUpSeconds, loadSeconds, perSecond);
        }
    }

    private UiStallBench() {
    }

    public static Result run(PrintStream out, Path dir, Options options) throws Exception {
        startFx();
        Files.createDirectories(dir);
        int rate = options.eventsPerSecond();
        try (Cache cache = openInBackground(dir.resolve("ui-stall-" + System.nanoTime()))) {
            AtomicLong refreshes = new AtomicLong();
            DashboardViewModel viewModel = new DashboardViewModel(new RollupQueries(cache), List::of, request -> { }, () -> true);
            CompletableFuture<Stage> shown = new CompletableFuture<>();
            CompletableFuture<Thread> fxThread = new CompletableFuture<>();
            Platform.runLater(() -> {
                DashboardView view = new DashboardView(viewModel);
                viewModel.dataProperty().addListener((obs, old, d) -> refreshes.incrementAndGet());
                Stage stage = new Stage();
                stage.setScene(new Scene(view, 1280, 800));
                stage.show();
                fxThread.complete(Thread.currentThread());
                shown.complete(stage);
            });
            Stage stage = shown.get(30, TimeUnit.SECONDS);
            RollupUpdater rollups = new RollupUpdater(cache, Duration.ofSeconds(1));
            viewModel.start();
            FxStallSampler sampler = new FxStallSampler(fxThread.get());
            PulseGaps gaps = new PulseGaps(sampler);
            try (sampler) {
                out.printf(Locale.ROOT, "UI stall bench: Dashboard (last 15 minutes, 1 s refresh), 1280x800, %s; ingest target %,d events/s, "
                        + "stall limit %d ms%n", toolkit(), rate, STALL_LIMIT_MILLIS);
                out.printf(Locale.ROOT, "JVM: %s%n", jvm());
                Thread.sleep(2_000); // first layout and refresh out of the way
                Phase baseline = measure("baseline (idle)", gaps, refreshes, viewModel, options.baselineSeconds(), null, 0);
                out.println(baseline.line());
                Phase warmUp = measure("warm-up (not judged)", gaps, refreshes, viewModel, options.warmUpSeconds(), cache, rate);
                out.println(warmUp.line());
                Platform.runLater(() -> viewModel.pausedProperty().set(true));
                Phase paused = measure("ingest, paused", gaps, refreshes, viewModel, options.loadSeconds(), cache, rate);
                out.println(paused.line());
                Platform.runLater(() -> viewModel.pausedProperty().set(false));
                Phase loaded = measure("ingest + live", gaps, refreshes, viewModel, options.loadSeconds(), cache, rate);
                out.println(loaded.line());
                Result result = new Result(baseline, warmUp, paused, loaded);
                out.printf(Locale.ROOT, "result: %s; FX-thread stalls %s (live max gap %.1f ms, limit %d ms); ingest %s (%,.0f events/s, "
                                + "target %,d)%n", result.passed() ? "PASS" : "FAIL", result.stallsUnderLimit() ? "PASS" : "FAIL",
                        loaded.maxMillis(), STALL_LIMIT_MILLIS, result.rateReached() ? "PASS" : "FAIL", loaded.eventsPerSecond(),
                        TARGET_EVENTS_PER_SECOND);
                return result;
            } finally {
                viewModel.shutdown();
                rollups.close();
                CountDownLatch closed = new CountDownLatch(1);
                Platform.runLater(() -> {
                    gaps.stop();
                    stage.close();
                    closed.countDown();
                });
                closed.await(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Opens the cache on a background thread, as the app's startup task does: H2 starts its writer threads from the
     * opening thread, and they inherit its (low) priority.
     */
    private static Cache openInBackground(Path file) throws Exception {
        FutureTask<Cache> open = new FutureTask<>(() -> Cache.open(file));
        BackgroundThreads.start(open, "ui-stall-bench-open");
        return open.get();
    }

    private static Phase measure(String name, PulseGaps gaps, AtomicLong refreshes, DashboardViewModel viewModel, int seconds,
                                 Cache cache, int perSecond) throws Exception {
        viewModel.takeSlowestApplyNanos();
        long gcBefore = gcMillis();
        long fxCpuBefore = gaps.sampler.fxCpuNanos();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong stored = new AtomicLong();
        Thread ingest = null;
        if (cache != null) {
            ingest = BackgroundThreads.newThread(() -> ingest(cache, perSecond, stop, stored), "ui-stall-bench-ingest");
        }
        long refreshesBefore = refreshes.get();
        Platform.runLater(gaps::restart);
        gaps.sampler.takeLongest();
        long start = System.nanoTime();
        if (ingest != null) {
            ingest.start();
        }
        Thread.sleep(seconds * 1000L);
        CompletableFuture<long[]> taken = new CompletableFuture<>();
        Platform.runLater(() -> taken.complete(gaps.take()));
        long[] g = taken.get(10, TimeUnit.SECONDS);
        stop.set(true);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (ingest != null) {
            ingest.join(30_000);
        }
        Arrays.sort(g);
        return new Phase(name, g.length, pct(g, 0.50), pct(g, 0.99), g.length == 0 ? 0 : g[g.length - 1] / 1e6,
                stored.get(), stored.get() / elapsed, (int) (refreshes.get() - refreshesBefore),
                viewModel.takeSlowestApplyNanos() / 1e6, gcMillis() - gcBefore,
                (gaps.sampler.fxCpuNanos() - fxCpuBefore) / (elapsed * 1e9), gaps.sampler.takeLongest());
    }

    /** Which glass and prism the window runs on: the figures mean something else headless than on a desktop GPU. */
    private static String toolkit() {
        String glass = com.sun.glass.ui.Application.GetApplication() == null ? System.getProperty("glass.platform", "?")
                : com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName();
        String prism = com.sun.prism.GraphicsPipeline.getPipeline() == null ? "?"
                : com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName();
        return "glass " + glass + ", prism " + prism + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    /** The collector and the heap: the pause goal decides how long a young collection may stop the FX thread. */
    private static String jvm() {
        String collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).collect(java.util.stream.Collectors.joining(", "));
        List<String> flags = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:")).toList();
        return String.format(Locale.ROOT, "%s, max heap %d MB, flags %s", collectors, Runtime.getRuntime().maxMemory() >> 20, flags);
    }

    /** Stop-the-world collection time so far: a long pulse gap with GC time beside it is the heap, not the view. */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().filter(FxStallSampler::stopsTheWorld)
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Appends batches of pre-normalized events, paced to {@code perSecond}, until told to stop. */
    private static void ingest(Cache cache, int perSecond, AtomicBoolean stop, AtomicLong stored) {
        EventStore store = cache.events();
        BenchEvents events = new BenchEvents();
        long start = System.nanoTime();
        long sent = 0;
        while (!stop.get()) {
            // Sent runs up to one batch ahead of due, never behind: the rate fed is at least the target.
            long due = (long) ((System.nanoTime() - start) / 1e9 * perSecond);
            if (sent >= due + BATCH) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            List<Event> batch = events.next(BATCH, System.currentTimeMillis());
            stored.addAndGet(store.append(batch).stored());
            sent += batch.size();
        }
    }

    /** Records the time between consecutive FX pulses, on the FX thread. */
    private static final class PulseGaps extends AnimationTimer {
        private final FxStallSampler sampler;
        private long[] gaps = new long[4096];
        private int count;
        private long last;

        PulseGaps(FxStallSampler sampler) {
            this.sampler = sampler;
        }

        void restart() {
            count = 0;
            last = 0;
            start();
        }

        long[] take() {
            return Arrays.copyOf(gaps, count);
        }

        @Override
        public void handle(long now) {
            sampler.pulse();
            if (last != 0) {
                if (count == gaps.length) {
                    gaps = Arrays.copyOf(gaps, count * 2);
                }
                gaps[count++] = now - last;
            }
            last = now;
        }
    }

    /**
     * A CloudTrail / VPC flow / sshd / app mix with a realistic spread of addresses, users and calls, delivered as the
     * ingest pipeline stores it: each batch is one FilterLogEvents page of one log group, in timestamp order (the
     * order the API returns), and each group's pages follow on from its last one, as a lane following the group
     * polls them. The groups lag real time by different amounts (CloudTrail delivers minutes late, flow logs close
     * their capture window after a minute, sshd and application logs arrive within seconds), so the cache's time
     * index takes four runs of ascending times at four different places.
     */
    private static final class BenchEvents {
        private static final String[] TYPES = {"cloudtrail", "vpcflow", "auth", "json"};
        private static final String[] GROUPS = {"/aws/cloudtrail/management", "/vpc/flow-logs", "/ec2/secure", "/ecs/payments-api"};
        private static final long[] LAG_MILLIS = {300_000, 60_000, 2_000, 500};
        private static final String[] USERS = {"alice", "bob", "carol", "deploy", "ci-runner", "svc-backup"};
        private static final String[] CALLS = {"DescribeInstances", "GetObject", "ListBuckets", "AssumeRole", "ConsoleLogin", "PutObject"};
        private static final String RAW = "x".repeat(400); // sized like a CloudTrail record; the table stores it once per row
        /** Shared by every phase's generator: a phase reusing the ids of the one before would store only duplicates. */
        private static final AtomicLong NEXT_ID = new AtomicLong();
        private final java.util.Random random = new java.util.Random(42);
        /** Per group, the time just after the newest event of its last page (0: no page yet). */
        private final long[] followed = new long[GROUPS.length];
        private long pages;

        /** The next page: {@code count} events of the next group, spread evenly over the time since its last page. */
        List<Event> next(int count, long nowMillis) {
            int k = (int) (pages++ % GROUPS.length);
            long to = nowMillis - LAG_MILLIS[k];
            long from = followed[k] == 0 ? to - 1_000 : Math.min(followed[k], to);
            followed[k] = to;
            List<Event> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long id = NEXT_ID.getAndIncrement();
                long time = from + (to - from) * i / count;
                // Addresses Zipf-like: a few talk a lot, a long tail rarely.
                String ip = "198.51." + (int) Math.abs(random.nextGaussian() * 3) + "." + (1 + (int) Math.abs(random.nextGaussian() * 40));
                String user = k == 0 || k == 2 ? USERS[Math.min(USERS.length - 1, (int) Math.abs(random.nextGaussian() * 2))] : null;
                String action = k == 0 ? CALLS[random.nextInt(CALLS.length)] : k == 1 ? "ACCEPT" : null;
                String outcome = k == 1 && random.nextInt(10) == 0 ? "failure" : "success";
                out.add(new Event(Instant.ofEpochMilli(time), Instant.ofEpochMilli(nowMillis), GROUPS[k], "bench", "b" + id,
                        TYPES[k], Severity.INFO, action, outcome, user, ip, "bench event", RAW, Map.of(), null));
            }
            return out;
        }
    }

    /** Starts the toolkit headless when Monocle is on the class path (tests), else on the display; once per JVM. */
    private static void startFx() throws InterruptedException {
        if (System.getProperty("glass.platform") == null && monoclePresent()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        started.await(30, TimeUnit.SECONDS);
    }

    /**
     * Whether a window can open here: Windows and macOS always have a display; Linux needs X11 or Wayland, or
     * Monocle on the class path (the tests' headless toolkit).
     */
    public static boolean canOpenWindow() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || "Monocle".equals(System.getProperty("glass.platform")) || monoclePresent();
    }

    private static boolean monoclePresent() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, UiStallBench.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("watchpost-ui-stall");
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : TARGET_EVENTS_PER_SECOND;
        Result result = run(System.out, dir, Options.FULL.atRate(rate));
        System.exit(result.passed() ? 0 : 1);
    }
}
