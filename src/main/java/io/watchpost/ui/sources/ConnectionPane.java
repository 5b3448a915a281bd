package io.watchpost.ui.sources;

import io.watchpost.source.AwsProfile;
import io.watchpost.source.ConnectionTest;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Profile, region and endpoint override, and the "Test connection" button with its spinner and answer. */
final class ConnectionPane extends VBox {

    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");

    private final Label result = new Label();

    ConnectionPane(SourcesViewModel vm) {
        getStyleClass().add("sources-connection");

        ComboBox<AwsProfile> profile = new ComboBox<>(vm.profiles());
        profile.setId("sources-profile");
        profile.setConverter(new StringConverter<>() {
            @Override
            public String toString(AwsProfile p) {
                if (p == null || p.name().isEmpty()) {
                    return "Default credential chain";
                }
                return p.name() + " (" + p.kind() + (p.region() == null ? "" : ", " + p.region()) + ")";
            }

            @Override
            public AwsProfile fromString(String s) {
                return null; // not editable
            }
        });
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        profile.setPrefWidth(230);

        ComboBox<String> region = new ComboBox<>();
        region.setId("sources-region");
        region.getItems().setAll(vm.regions());
        region.setEditable(true);
        region.setPrefWidth(150);
        region.valueProperty().bindBidirectional(vm.regionProperty());
        // An editable combo box commits on Enter or focus loss; typing alone should count too.
        region.getEditor().textProperty().addListener((obs, old, text) -> vm.regionProperty().set(text));

        TextField endpoint = new TextField();
        endpoint.setId("sources-endpoint");
        endpoint.setPromptText("Endpoint override (optional), e.g. https://logs.vpce…");
        endpoint.textProperty().bindBidirectional(vm.endpointProperty());
        HBox.setHgrow(endpoint, Priority.ALWAYS);

        Button test = new Button("Test connection");
        test.setId("sources-test-connection");
        test.disableProperty().bind(vm.testingProperty());
        test.setOnAction(e -> vm.testConnection());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("sources-test-spinner");
        spinner.getStyleClass().add("sources-spinner");
        spinner.visibleProperty().bind(vm.testingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());

        HBox form = new HBox(8, caption("Profile"), profile, caption("Region"), region, caption("Endpoint"), endpoint,
                test, spinner);
        form.setAlignment(Pos.CENTER_LEFT);

        result.setId("sources-connection-result");
        result.getStyleClass().add("sources-connection-result");
        result.setWrapText(true);
        vm.connectionTestProperty().addListener((obs, old, t) -> show(t, vm.testingProperty().get()));
        vm.testingProperty().addListener((obs, old, busy) -> show(vm.connectionTestProperty().get(), busy));

        Label engine = new Label();
        engine.setId("sources-engine-source");
        engine.getStyleClass().add("sources-muted");
        engine.setTooltip(new Tooltip("Search and Test use the form above; the followed groups are read through"
                + " the session's source. Another account or region needs a new session."));
        // Say it plainly when the form and the engine disagree, so nobody thinks a search result is read from there.
        var differs = vm.formDiffersFromEngineBinding();
        engine.textProperty().bind(javafx.beans.binding.Bindings.when(differs)
                .then("Followed groups are still read through " + vm.engineSource() + " (another source needs a new session)")
                .otherwise("Following through " + vm.engineSource()));
        engine.getProperties().put("differs", differs); // keep the binding reachable as long as the label
        differs.addListener((obs, old, d) -> engine.pseudoClassStateChanged(WARN, d));
        engine.pseudoClassStateChanged(WARN, differs.get());
        HBox status = new HBox(12, result, engine);
        status.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.ALWAYS);
        result.setMaxWidth(Double.MAX_VALUE);

        getChildren().addAll(form, status);
        show(null, false);
    }

    private void show(ConnectionTest t, boolean busy) {
        result.pseudoClassStateChanged(OK, t != null && (t.ok() || t.logsReachable()));
        result.pseudoClassStateChanged(FAILED, t != null && !t.ok() && !t.logsReachable());
        if (busy) {
            result.setText("Testing connection…");
        } else if (t == null) {
            result.setText("Not tested yet.");
        } else if (t.account() != null) {
            result.setText("Connected: account " + t.account() + " as " + t.arn()
                    + (t.logsReachable() ? "" : " — " + t.message()));
        } else {
            result.setText(t.message());
        }
        result.setTooltip(t == null ? null : new Tooltip(t.message()));
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("sources-caption");
        return l;
    }
}
