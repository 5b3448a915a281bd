package io.watchpost.ui;

import javafx.application.Application;
import org.slf4j.LoggerFactory;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The JavaFX entry point. JavaFX creates this class itself, so its services come through a static seam: the
 * wiring code calls {@link #setServicesFactory(Supplier)} and then {@code Application.launch(WatchpostApplication.class, args)}.
 *
 * <p>The factory may be slow (starting a demo endpoint, ingestion, opening the cache), so it runs on a background
 * thread while the stage shows "Starting…"; the {@link MainWindow} replaces the placeholder when it returns.
 * {@link #stop()} shuts the window down and then closes the services.
 */
public class WatchpostApplication extends Application {

    private static volatile Supplier<UiServices> servicesFactory;

    private final Object lifecycle = new Object();
    private UiServices services;      // guarded by lifecycle
    private boolean stopped;          // guarded by lifecycle
    private volatile MainWindow mainWindow;
    private Scene scene;

    /** Must be called before launch. The factory is called once, off the FX thread. */
    public static void setServicesFactory(Supplier<UiServices> factory) {
        servicesFactory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public void start(Stage stage) {
        Supplier<UiServices> factory = servicesFactory;
        // 1400x900 where the screen allows it, else the screen's usable area.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(placeholder("Starting…", true), Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setTitle(MainWindow.PRODUCT_NAME);
        stage.setScene(scene);
        stage.show();
        if (factory == null) {
            scene.setRoot(placeholder("No services: call WatchpostApplication.setServicesFactory before launch.", false));
            return;
        }

        Task<UiServices> startup = new Task<>() {
            @Override
            protected UiServices call() {
                return factory.get();
            }
        };
        startup.setOnSucceeded(e -> install(startup.getValue(), stage));
        startup.setOnFailed(e -> {
            LoggerFactory.getLogger(WatchpostApplication.class).error("could not start", startup.getException());
            scene.setRoot(placeholder("Could not start: " + describe(startup.getException()), false));
        });
        Thread thread = new Thread(startup, "watchpost-startup");
        thread.setDaemon(true);
        thread.start();
    }

    private void install(UiServices started, Stage stage) {
        synchronized (lifecycle) {
            if (stopped) {
                // The window closed while the services were still starting: nothing will ever use them.
                closeQuietly(started);
                return;
            }
            services = started;
        }
        MainWindow window = new MainWindow(started);
        mainWindow = window;
        scene.setRoot(window);
        if (!started.sourceDescription().isEmpty()) {
            stage.setTitle(MainWindow.PRODUCT_NAME + " — " + started.sourceDescription());
        }
    }

    @Override
    public void stop() {
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
        // Closing on the FX thread is acceptable here only because the application is exiting: no UI to keep alive.
        closeQuietly(toClose);
    }

    /** The window once started, or null while the services are still being built. For tests and wiring. */
    public MainWindow mainWindow() {
        return mainWindow;
    }

    private static void closeQuietly(UiServices s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (RuntimeException e) {
            System.err.println("Watchpost: closing services failed: " + e);
        }
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

    /** Convenience for wiring code: {@code WatchpostApplication.launchWith(factory, args)}. Blocks until exit. */
    public static void launchWith(Supplier<UiServices> factory, String... args) {
        setServicesFactory(factory);
        Application.launch(WatchpostApplication.class, args);
    }

}
