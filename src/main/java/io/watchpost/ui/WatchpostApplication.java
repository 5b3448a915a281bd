package io.watchpost.ui;

import io.watchpost.background.BackgroundThreads;
import io.watchpost.ui.help.HelpWindow;
import io.watchpost.ui.settings.AppSettings;
import io.watchpost.ui.settings.SettingsDialog;
import io.watchpost.ui.settings.SettingsStore;
import io.watchpost.ui.settings.SourceKind;
import io.watchpost.ui.settings.WindowGeometry;
import io.watchpost.ui.theme.Theme;
import io.watchpost.ui.theme.ThemeController;
import io.watchpost.ui.welcome.WelcomeView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The JavaFX entry point. JavaFX creates this class itself, so its collaborators come through a static seam: the
 * wiring code calls {@link #configure(AppStartup)} (or, for a fixed source, {@link #setServicesFactory(Supplier)})
 * and then {@code Application.launch}; {@link #launch(AppStartup, String...)} does both.
 *
 * <p>First run: with no source chosen in the settings, the welcome screen asks (demo or AWS) and the choice is
 * saved. Starting a session may be slow (a demo endpoint, AWS, opening the cache), so it runs on a background
 * thread while the stage shows "Starting…"; the {@link MainWindow} replaces the placeholder when it returns.
 *
 * <p>Shutdown: closing the window ends in {@link #stop()}, which saves the window's geometry, stops the views'
 * polling and then closes the services (pollers finish their page and commit its checkpoint, then the cache
 * closes). A SIGTERM never reaches {@code stop()}, so a JVM shutdown hook does the same.
 */
public class WatchpostApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WatchpostApplication.class);
    private static volatile AppStartup configured;

    private final Object lifecycle = new Object();
    private UiServices services;      // guarded by lifecycle
    private boolean stopped;          // guarded by lifecycle
    private volatile MainWindow mainWindow;
    private volatile AppSettings settings;
    private volatile WindowGeometry geometry;   // the normal (un-maximized) bounds, for saving from any thread
    private volatile boolean maximized;
    // Settings are written in order on one background thread: no file I/O on the FX thread.
    private final ExecutorService settingsWriter =
            Executors.newSingleThreadExecutor(BackgroundThreads.named("watchpost-settings"));
    // Completes when the previous session has closed: a new session may reopen the same cache file.
    private CompletableFuture<Void> previousSessionClosed = CompletableFuture.completedFuture(null);
    private final Thread shutdownHook = new Thread(this::shutdownOnSignal, "watchpost-shutdown-hook");
    private AppStartup startup;
    private ThemeController themes;
    private HelpWindow help;
    private Stage stage;
    private Scene scene;

    /** Must be called before launch. */
    public static void configure(AppStartup startup) {
        configured = Objects.requireNonNull(startup, "startup");
    }

    /**
     * A fixed source, no welcome screen and no saved settings: for tests and embedding. The factory is called
     * once, off the FX thread.
     */
    public static void setServicesFactory(Supplier<UiServices> factory) {
        Objects.requireNonNull(factory, "factory");
        configure(new AppStartup(s -> factory.get(), null, AppSettings.FIRST_RUN.withDemo(), null));
    }

    /** Configures and launches; blocks until the application exits. */
    public static void launch(AppStartup startup, String... args) {
        configure(startup);
        Application.launch(WatchpostApplication.class, args);
    }

    /** Convenience for a fixed source: {@code WatchpostApplication.launchWith(factory, args)}. Blocks until exit. */
    public static void launchWith(Supplier<UiServices> factory, String... args) {
        setServicesFactory(factory);
        Application.launch(WatchpostApplication.class, args);
    }

    @Override
    public void start(Stage primary) {
        stage = primary;
        startup = configured;
        settings = startup == null ? AppSettings.FIRST_RUN : startup.initial();
        themes = new ThemeController(settings.theme());

        placeStage();
        // Sized explicitly as well: a scene without a size takes its first root's preferred size on some platforms.
        scene = new Scene(placeholder("Starting…", true), stage.getWidth(), stage.getHeight());
        themes.register(scene);
        installShortcuts();
        stage.setTitle(MainWindow.PRODUCT_NAME);
        stage.getIcons().add(new Image(Objects.requireNonNull(
                WatchpostApplication.class.getResource("/io/watchpost/ui/icon/watchpost.png")).toExternalForm()));
        stage.setScene(scene);
        trackGeometry();
        stage.show();
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyExiting) {
            // the JVM is already shutting down: nothing to hook
        }

        if (startup == null) {
            scene.setRoot(placeholder("Not configured: call WatchpostApplication.configure before launch.", false));
        } else if (settings.needsWelcome()) {
            showWelcome(null);
        } else {
            startSession(settings);
        }
    }

    // ---- window placement -------------------------------------------------------------------------------------

    /** The remembered geometry clamped to today's screens, else 1400x900 where the screen allows it. */
    private void placeStage() {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowGeometry remembered = settings.window();
        if (remembered != null) {
            WindowGeometry g = remembered.clampTo(screens);
            stage.setX(g.x());
            stage.setY(g.y());
            stage.setWidth(g.width());
            stage.setHeight(g.height());
            stage.setMaximized(g.maximized());
            geometry = new WindowGeometry(g.x(), g.y(), g.width(), g.height(), false);
            maximized = g.maximized();
        } else {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1400, screen.getWidth()));
            stage.setHeight(Math.min(900, screen.getHeight()));
            stage.centerOnScreen();
        }
    }

    private void trackGeometry() {
        Runnable record = () -> {
            maximized = stage.isMaximized();
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0) {
                geometry = new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        };
        stage.xProperty().addListener(o -> record.run());
        stage.yProperty().addListener(o -> record.run());
        stage.widthProperty().addListener(o -> record.run());
        stage.heightProperty().addListener(o -> record.run());
        stage.maximizedProperty().addListener(o -> record.run());
    }

    /** The settings with the window's current geometry. Any thread. */
    private AppSettings settingsWithGeometry() {
        WindowGeometry g = geometry;
        return g == null ? settings : settings.withWindow(new WindowGeometry(g.x(), g.y(), g.width(), g.height(), maximized));
    }

    // ---- screens ----------------------------------------------------------------------------------------------

    private void showWelcome(String notice) {
        AppStartup s = startup;
        WelcomeView welcome = new WelcomeView(s.sessions()::awsProfiles, settings.aws(),
                () -> choose(settings.withDemo()),
                aws -> choose(settings.withAws(aws)));
        if (notice != null) {
            welcome.showNotice(notice);
        }
        stage.setTitle(MainWindow.PRODUCT_NAME + " — Welcome");
        scene.setRoot(welcome);
    }

    private void choose(AppSettings chosen) {
        persist(chosen);
        startSession(chosen);
    }

    private void startSession(AppSettings chosen) {
        String what = chosen.source() == SourceKind.AWS ? "Connecting to " + chosen.aws().describe() + "…" : "Starting…";
        scene.setRoot(placeholder(what, true));
        CompletableFuture<Void> closed = previousSessionClosed;
        SessionStarter sessions = startup.sessions();
        Task<UiServices> task = new Task<>() {
            @Override
            protected UiServices call() {
                closed.join();
                return sessions.start(chosen);
            }
        };
        task.setOnSucceeded(e -> install(task.getValue()));
        task.setOnFailed(e -> {
            LOG.error("could not start {}", chosen.source(), task.getException());
            scene.setRoot(startFailed("Could not start: " + describe(task.getException())));
        });
        // Opens the cache and starts the session's services: threads it starts, H2's included, inherit its priority.
        BackgroundThreads.start(task, "watchpost-startup");
    }

    private void install(UiServices started) {
        synchronized (lifecycle) {
            if (stopped) {
                // The window closed while the services were still starting: nothing will ever use them.
                closeQuietly(started);
                return;
            }
            services = started;
        }
        MainWindow window = new MainWindow(started);
        window.setMenuBar(menuBar());
        mainWindow = window;
        scene.setRoot(window);
        stage.setTitle(started.sourceDescription().isEmpty() ? MainWindow.PRODUCT_NAME
                : MainWindow.PRODUCT_NAME + " — " + started.sourceDescription());
    }

    /** Back to the welcome screen: the running session stops (in the background) before another may start. */
    private void changeSource() {
        MainWindow window = mainWindow;
        mainWindow = null;
        if (window != null) {
            window.shutdown();
        }
        UiServices old;
        synchronized (lifecycle) {
            old = services;
            services = null;
        }
        previousSessionClosed = CompletableFuture.runAsync(() -> closeQuietly(old), settingsWriter);
        persist(settings.withoutSource());
        showWelcome(null);
    }

    // ---- menus, shortcuts, dialogs ----------------------------------------------------------------------------

    private static final KeyCombination HELP_KEY = new KeyCodeCombination(KeyCode.F1);
    private static final KeyCombination SETTINGS_KEY = new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination QUIT_KEY = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    /** On the scene, not only the menus: they work on the welcome screen too, which has no menu bar. */
    private void installShortcuts() {
        scene.getAccelerators().put(HELP_KEY, this::showHelp);
        scene.getAccelerators().put(SETTINGS_KEY, this::showSettings);
        scene.getAccelerators().put(QUIT_KEY, Platform::exit);
    }

    private MenuBar menuBar() {
        MenuItem changeSource = item("Change source…", "menu-change-source", null, this::changeSource);
        MenuItem settingsItem = item("Settings…", "menu-settings", SETTINGS_KEY, this::showSettings);
        MenuItem quit = item("Quit", "menu-quit", QUIT_KEY, Platform::exit);
        Menu file = new Menu("File", null, changeSource, settingsItem, new SeparatorMenuItem(), quit);
        MenuItem helpItem = item("Shortcuts and filter syntax", "menu-help", HELP_KEY, this::showHelp);
        MenuItem about = item("About Watchpost", "menu-about", null, this::showAbout);
        Menu helpMenu = new Menu("Help", null, helpItem, about);
        MenuBar bar = new MenuBar(file, helpMenu);
        bar.setId("main-menu");
        return bar;
    }

    private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(key);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Opens (or brings forward) the Help window. FX thread. */
    public void showHelp() {
        if (help == null) {
            help = new HelpWindow(stage, themes);
        }
        help.show();
    }

    /** Opens the Settings window. FX thread. */
    public void showSettings() {
        new SettingsDialog(stage, themes, startup == null ? null : startup.dataDirectory(),
                chosen -> persist(settings.withTheme(chosen))).show();
    }

    private void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(stage);
        about.setTitle("About Watchpost");
        about.setHeaderText("Watchpost " + version());
        about.setContentText("A workbench for security analysts watching AWS CloudWatch Logs.");
        themes.register(about.getDialogPane().getScene());
        about.show();
    }

    /** Switches the theme at once and remembers it. FX thread. */
    public void setTheme(Theme theme) {
        themes.setTheme(theme);
        persist(settings.withTheme(theme));
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    /** Adopts {@code next} now and saves it in the background (the file is written in the order of changes). */
    private void persist(AppSettings next) {
        settings = next;
        SettingsStore store = startup == null ? null : startup.store();
        if (store != null && !settingsWriter.isShutdown()) {
            AppSettings snapshot = settingsWithGeometry();
            settingsWriter.execute(() -> saveQuietly(store, snapshot));
        }
    }

    private static void saveQuietly(SettingsStore store, AppSettings s) {
        try {
            store.save(s);
        } catch (RuntimeException e) {
            LOG.warn("could not save settings: {}", e.getMessage());
        }
    }

    // ---- shutdown ---------------------------------------------------------------------------------------------

    @Override
    public void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or about to: it will close what is left
        }
        SettingsStore store = startup == null ? null : startup.store();
        if (store != null && !settingsWriter.isShutdown()) {
            AppSettings last = settingsWithGeometry();
            settingsWriter.execute(() -> saveQuietly(store, last));
        }
        closeEverything();
        // Waiting on the FX thread is acceptable only because the application is exiting: there is no UI left.
        settingsWriter.shutdown();
        try {
            if (!settingsWriter.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("settings were still being written at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGTERM, a logout, or System.exit without {@link #stop()}: stop polling so checkpoints commit, close the
     * cache, and save the settings, on the hook's own thread.
     */
    private void shutdownOnSignal() {
        LOG.info("shutting down on signal");
        closeEverything();
        SettingsStore store = startup == null ? null : startup.store();
        if (store != null) {
            saveQuietly(store, settingsWithGeometry());
        }
    }

    /** Stops the views' polling, then closes the services (pollers, client, cache, demo endpoint). Idempotent. */
    private void closeEverything() {
        MainWindow window = mainWindow;
        if (window != null) {
            window.shutdown();
        }
        UiServices toClose;
        synchronized (lifecycle) {
            stopped = true;
            toClose = services;
            services = null;
        }
        previousSessionClosed.join();
        closeQuietly(toClose);
    }

    // ---- accessors for tests and wiring -----------------------------------------------------------------------

    /** The window once started, or null while the services are being built or the welcome screen shows. */
    public MainWindow mainWindow() {
        return mainWindow;
    }

    /** The settings as they are now (source, theme, window geometry). */
    public AppSettings currentSettings() {
        return settingsWithGeometry();
    }

    public ThemeController themes() {
        return themes;
    }

    /** What the JVM shutdown hook runs (SIGTERM): public for tests of that path. */
    public Runnable shutdownHookAction() {
        return this::shutdownOnSignal;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static void closeQuietly(UiServices s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.error("closing services failed", e);
            System.err.println("Watchpost: closing services failed: " + e);
        }
    }

    private Parent startFailed(String message) {
        VBox box = (VBox) placeholder(message, false);
        if (startup != null && startup.store() != null) {
            Button back = new Button("Choose another source");
            back.setId("error-back-to-welcome");
            back.setOnAction(e -> {
                persist(settings.withoutSource());
                showWelcome(message);
            });
            box.getChildren().add(back);
        }
        return box;
    }

    private static Parent placeholder(String text, boolean busy) {
        Label label = new Label(text);
        label.getStyleClass().add("placeholder-text");
        label.setWrapText(true);
        VBox box = new VBox(16);
        box.setAlignment(Pos.CENTER);
        if (busy) {
            ProgressIndicator progress = new ProgressIndicator();
            progress.setMaxSize(48, 48);
            box.getChildren().add(progress);
        }
        box.getChildren().add(label);
        box.getStyleClass().add("placeholder");
        box.setId(busy ? "starting-placeholder" : "error-placeholder");
        return box;
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown error" : t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = WatchpostApplication.class.getResourceAsStream("/io/watchpost/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            return "";
        }
        return p.getProperty("version", "");
    }
}
