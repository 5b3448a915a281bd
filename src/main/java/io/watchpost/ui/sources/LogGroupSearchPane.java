package io.watchpost.ui.sources;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/** DescribeLogGroups by prefix (every page) and a list to follow groups from. */
final class LogGroupSearchPane extends VBox {

    private final ListView<String> results;

    LogGroupSearchPane(SourcesViewModel vm) {
        super(6);
        getStyleClass().add("sources-search");

        Label title = new Label("Log groups");
        title.getStyleClass().add("sources-title");

        TextField prefix = new TextField();
        prefix.setId("sources-prefix");
        prefix.setPromptText("Name prefix, e.g. /aws/lambda/");
        prefix.textProperty().bindBidirectional(vm.prefixProperty());
        prefix.setOnAction(e -> vm.searchLogGroups());
        HBox.setHgrow(prefix, Priority.ALWAYS);

        Button search = new Button("Search");
        search.setId("sources-search");
        search.disableProperty().bind(vm.searchingProperty());
        search.setOnAction(e -> vm.searchLogGroups());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("sources-spinner");
        spinner.visibleProperty().bind(vm.searchingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());

        HBox bar = new HBox(6, prefix, search, spinner);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("sources-search-message");
        message.getStyleClass().add("sources-muted");
        message.setWrapText(true);
        message.textProperty().bind(vm.searchMessageProperty());

        results = new ListView<>(vm.searchResults());
        results.setId("sources-search-results");
        results.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        results.setPlaceholder(new Label("Search to list log groups"));
        results.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                followSelected(vm);
            }
        });
        VBox.setVgrow(results, Priority.ALWAYS);

        Button follow = new Button("Follow selected");
        follow.setId("sources-follow");
        follow.getStyleClass().add("sources-primary");
        follow.disableProperty().bind(Bindings.isEmpty(results.getSelectionModel().getSelectedItems()));
        follow.setOnAction(e -> followSelected(vm));
        follow.setMaxWidth(Double.MAX_VALUE);

        getChildren().addAll(title, bar, message, results, follow);
    }

    ListView<String> results() {
        return results;
    }

    private void followSelected(SourcesViewModel vm) {
        List<String> chosen = List.copyOf(results.getSelectionModel().getSelectedItems());
        if (!chosen.isEmpty()) {
            vm.follow(chosen);
        }
    }
}
