package io.watchpost.ui.settings;

import io.watchpost.ui.theme.Theme;
import io.watchpost.ui.theme.ThemeController;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The Settings window: the theme (applied the moment it is picked, so the user sees it before deciding), and where
 * Watchpost keeps its files. The caller persists what changed through {@code onThemeChosen}.
 */
public final class SettingsDialog {

    public static final String TITLE = "Watchpost Settings";

    private final Stage stage = new Stage();
    private final ToggleGroup themes = new ToggleGroup();

    public SettingsDialog(Window owner, ThemeController controller, Path dataDirectory, Consumer<Theme> onThemeChosen) {
        Label heading = new Label("Appearance");
        heading.getStyleClass().add("settings-heading");
        HBox choices = new HBox(16);
        for (Theme t : Theme.values()) {
            RadioButton choice = new RadioButton(t.label());
            choice.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
            choice.setUserData(t);
            choice.setToggleGroup(themes);
            choice.setSelected(t == controller.theme());
            choices.getChildren().add(choice);
        }
        themes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                Theme chosen = (Theme) now.getUserData();
                controller.setTheme(chosen);
                onThemeChosen.accept(chosen);
            }
        });

        Label files = new Label("Files");
        files.getStyleClass().add("settings-heading");
        Label where = new Label("Settings, the event cache and the application log (logs/) are in\n" + dataDirectory);
        where.setWrapText(true);
        where.getStyleClass().add("settings-note");

        Button close = new Button("Close");
        close.setId("settings-close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.hide());
        HBox buttons = new HBox(close);
        buttons.setStyle("-fx-alignment: center-right;");

        VBox root = new VBox(10, heading, choices, files, where, buttons);
        root.setPadding(new Insets(16, 20, 16, 20));
        root.setId("settings-dialog");
        root.getStyleClass().add("settings-dialog");
        Scene scene = new Scene(root, 460, 240);
        controller.register(scene);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(TITLE);
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
