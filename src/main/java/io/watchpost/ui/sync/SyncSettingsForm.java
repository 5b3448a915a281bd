package io.watchpost.ui.sync;

import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * The team database's connection: URL, user, sslmode and password, with "Test connection" and "Save". The password
 * field is only ever typed into; it is never filled from the saved settings.
 */
public final class SyncSettingsForm extends GridPane {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    public SyncSettingsForm(SyncSettingsModel model) {
        getStyleClass().add("sync-settings");
        setHgap(12);
        setVgap(6);
        TextField url = new TextField();
        url.setId("sync-url");
        url.setPromptText("jdbc:postgresql://host:5432/database");
        url.textProperty().bindBidirectional(model.urlProperty());
        GridPane.setHgrow(url, Priority.ALWAYS);
        TextField user = new TextField();
        user.setId("sync-user");
        user.setPromptText("login role (default: the URL's, PGUSER, or your user name)");
        user.textProperty().bindBidirectional(model.userProperty());
        ChoiceBox<String> ssl = new ChoiceBox<>();
        ssl.setId("sync-sslmode");
        ssl.getItems().setAll(SyncSettingsModel.SSL_MODES);
        ssl.setConverter(new StringConverter<>() {
            @Override
            public String toString(String mode) {
                return mode == null || mode.isEmpty() ? "(URL or driver default)" : mode;
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        ssl.valueProperty().bindBidirectional(model.sslModeProperty());
        PasswordField password = new PasswordField();
        password.setId("sync-password");
        password.setPromptText("leave empty to keep the saved one, or to use PGPASSWORD / ~/.pgpass");
        // One way: the field feeds the model; the model clears it after a save, and is never filled with a password.
        password.textProperty().addListener((o, old, text) -> model.passwordProperty().set(text));
        model.passwordProperty().addListener((o, old, text) -> {
            if (text == null || text.isEmpty()) {
                password.clear();
            }
        });
        Label note = new Label();
        note.setId("sync-password-note");
        note.setWrapText(true);
        note.textProperty().bind(model.passwordNoteProperty());

        Button test = new Button("Test connection");
        test.setId("sync-test");
        test.setOnAction(a -> model.testConnection());
        Button save = new Button("Save and restart sync");
        save.setId("sync-save");
        save.setOnAction(a -> model.save());
        test.disableProperty().bind(model.busyProperty());
        save.disableProperty().bind(model.busyProperty());
        Label result = new Label();
        result.setId("sync-result");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        model.failedProperty().addListener((o, old, now) -> result.pseudoClassStateChanged(FAILED, now));

        Label title = new Label("Team database");
        title.getStyleClass().add("sync-settings-title");
        add(title, 0, 0, 2, 1);
        addRow(1, new Label("URL"), url);
        addRow(2, new Label("User"), user);
        addRow(3, new Label("SSL mode"), ssl);
        addRow(4, new Label("Password"), password);
        add(note, 1, 5);
        add(new HBox(8, test, save), 1, 6);
        add(result, 1, 7);
    }
}
