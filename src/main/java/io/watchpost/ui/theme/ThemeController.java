package io.watchpost.ui.theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies the chosen {@link Theme} to every registered scene, live: changing {@link #themeProperty()} restyles open
 * windows and dialogs at once, and a scene whose root is replaced (placeholder, welcome, main window) keeps it.
 *
 * <p>The overlay goes on the scene and on the root's own stylesheets: a root that adds the base sheet to itself (as
 * {@code MainWindow} does) would otherwise outrank a scene-level overlay. FX thread only.
 */
public final class ThemeController {

    /** The light base stylesheet, copied into the jar from {@code assets/themes/} by Maven. */
    public static final String BASE = "watchpost.css";
    /** The shell around the views: welcome, help, settings, menus. */
    public static final String SHELL = "watchpost-shell.css";

    private final ObjectProperty<Theme> theme;
    private final List<Scene> scenes = new ArrayList<>();

    public ThemeController(Theme initial) {
        theme = new SimpleObjectProperty<>(Objects.requireNonNull(initial, "initial"));
        theme.addListener((obs, old, now) -> scenes.forEach(this::apply));
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    public void setTheme(Theme t) {
        theme.set(Objects.requireNonNull(t, "theme"));
    }

    /** Styles {@code scene} with the current theme now and whenever the theme or the scene's root changes. */
    public void register(Scene scene) {
        scenes.add(scene);
        scene.rootProperty().addListener((obs, old, root) -> apply(scene));
        scene.windowProperty().addListener((obs, old, window) -> {
            if (window == null) {
                scenes.remove(scene); // a closed dialog: stop styling it
            }
        });
        apply(scene);
    }

    private void apply(Scene scene) {
        String base = url(BASE);
        if (!scene.getStylesheets().contains(base)) {
            scene.getStylesheets().add(0, base);
        }
        String shell = url(SHELL);
        if (!scene.getStylesheets().contains(shell)) {
            scene.getStylesheets().add(1, shell);
        }
        applyOverlay(scene.getStylesheets());
        Parent root = scene.getRoot();
        if (root != null && !root.getStylesheets().isEmpty()) {
            applyOverlay(root.getStylesheets());
        }
        if (root != null) {
            root.getStyleClass().removeAll("theme-light", "theme-dark");
            root.getStyleClass().add(theme.get() == Theme.DARK ? "theme-dark" : "theme-light");
        }
    }

    private void applyOverlay(ObservableList<String> sheets) {
        for (Theme t : Theme.values()) {
            if (t.overlay() != null) {
                sheets.remove(url(t.overlay()));
            }
        }
        String overlay = theme.get().overlay();
        if (overlay != null) {
            sheets.add(url(overlay)); // last: it wins over the base sheet at equal specificity
        }
    }

    /** The external form of a theme stylesheet on the classpath. */
    public static String url(String fileName) {
        URL css = ThemeController.class.getResource("/io/watchpost/ui/" + fileName);
        if (css == null) {
            throw new IllegalStateException("missing stylesheet io/watchpost/ui/" + fileName + " (copied from assets/themes)");
        }
        return css.toExternalForm();
    }
}
