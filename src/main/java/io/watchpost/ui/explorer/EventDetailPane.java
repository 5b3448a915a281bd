package io.watchpost.ui.explorer;

import io.watchpost.normalize.Event;
import io.watchpost.ui.events.EventDetail;
import io.watchpost.ui.events.EventRow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected event: its raw text pretty-printed (selectable, with a copy button), its fields as a table whose
 * values pivot on right-click, and its tags and note.
 */
final class EventDetailPane extends BorderPane {

    private final Label summary = new Label();
    private final TextArea raw = new TextArea();
    private final TableView<FieldValue> fields = new TableView<>();
    private final FlowPane tagChips = new FlowPane(4, 4);
    private final TextArea note = new TextArea();
    private final ExplorerViewModel viewModel;

    EventDetailPane(ExplorerViewModel viewModel, PivotActions actions) {
        this.viewModel = viewModel;
        getStyleClass().add("explorer-detail");
        summary.setId("explorer-detail-summary");
        summary.getStyleClass().add("explorer-detail-summary");
        summary.setMaxWidth(Double.MAX_VALUE);

        raw.setId("explorer-raw");
        raw.getStyleClass().add("explorer-raw");
        raw.setEditable(false);
        raw.setWrapText(false);
        Button copy = new Button("Copy raw");
        copy.setId("explorer-copy-raw");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(raw.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox header = new HBox(8, summary, copy);
        HBox.setHgrow(summary, Priority.ALWAYS);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("explorer-detail-header");

        fields.setId("explorer-fields");
        fields.getStyleClass().add("explorer-fields");
        // Only the value column gives and takes width: the names stay readable, long values (ARNs, agents) get the rest.
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        fields.setPlaceholder(new Label("Select an event"));
        TableColumn<FieldValue, String> name = new TableColumn<>("Field");
        name.setPrefWidth(260);
        name.setMaxWidth(420);
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().field()).getReadOnlyProperty());
        TableColumn<FieldValue, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()).getReadOnlyProperty());
        value.setCellFactory(c -> new PivotCell(actions));
        fields.getColumns().setAll(java.util.List.of(name, value));

        Tab rawTab = new Tab("Raw", raw);
        Tab fieldsTab = new Tab("Fields", fields);
        Tab notesTab = new Tab("Tags & note", tagsAndNote());
        TabPane tabs = new TabPane(rawTab, fieldsTab, notesTab);
        tabs.setId("explorer-detail-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(header);
        setCenter(tabs);

        viewModel.detailProperty().addListener((obs, old, d) -> show(d));
        viewModel.selectedProperty().addListener((obs, old, row) -> fields.setItems(row == null
                ? FXCollections.observableArrayList() : FXCollections.observableArrayList(FieldValue.of(row.source().event()))));
        viewModel.tags().addListener((ListChangeListener<String>) c -> showTags());
        viewModel.noteProperty().addListener((obs, old, n) -> note.setText(n));
        show(viewModel.detailProperty().get());
    }

    private VBox tagsAndNote() {
        tagChips.setId("explorer-tags");
        TextField newTag = new TextField();
        newTag.setId("explorer-new-tag");
        newTag.setPromptText("Add a tag (Enter), e.g. suspicious, case-42");
        newTag.setOnAction(e -> {
            if (!newTag.getText().isBlank()) {
                viewModel.addTag(newTag.getText().strip());
                newTag.clear();
            }
        });
        note.setId("explorer-note");
        note.setPromptText("Notes on this event, kept in the cache");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        Button save = new Button("Save note");
        save.setId("explorer-save-note");
        save.setOnAction(e -> viewModel.saveNote(note.getText()));
        VBox box = new VBox(6, tagChips, newTag, note, save);
        box.getStyleClass().add("explorer-notes");
        VBox.setVgrow(note, Priority.ALWAYS);
        return box;
    }

    private void showTags() {
        tagChips.getChildren().clear();
        for (String tag : viewModel.tags()) {
            Button chip = new Button(tag + "  ×");
            chip.getStyleClass().add("explorer-tag");
            chip.setOnAction(e -> viewModel.removeTag(tag));
            tagChips.getChildren().add(chip);
        }
    }

    private void show(EventDetail detail) {
        summary.setText(detail.summary() + (detail.parseError() == null ? "" : "  ·  " + detail.parseError()));
        raw.setText(detail.raw());
    }

    TextArea raw() {
        return raw;
    }

    TableView<FieldValue> fields() {
        return fields;
    }

    /** A value cell offering the pivot menu for its own field and value. */
    private final class PivotCell extends TableCell<FieldValue, String> {
        private final PivotActions actions;

        PivotCell(PivotActions actions) {
            this.actions = actions;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || getTableRow() == null || getTableRow().getItem() == null) {
                setText(null);
                setContextMenu(null);
                return;
            }
            setText(item);
            FieldValue fv = getTableRow().getItem();
            EventRow row = viewModel.selectedProperty().get();
            Event event = row == null ? null : row.source().event();
            setContextMenu(PivotMenu.build(fv.field(), fv.value(), event, actions));
        }
    }
}
