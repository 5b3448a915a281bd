package io.watchpost.ui.explorer;

import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

import java.util.List;

/**
 * The filter bar: checks the filter on every keystroke (green/red, a caret under the bad column and the parser's
 * message), runs it a moment after typing stops or at once on Enter, completes field names and values, and offers
 * the recent filters.
 */
final class FilterBar extends VBox {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass VALID = PseudoClass.getPseudoClass("valid");
    /** Long enough not to query on every keystroke of a word, short enough to feel live. */
    private static final Duration SETTLE = Duration.millis(400);

    private final TextField field = new TextField();
    private final Label caret = new Label();
    private final Label error = new Label();
    private final MenuButton history = new MenuButton("History");
    /** The caret as last seen on the FX thread; the completion thread reads it with the text it came with. */
    private volatile int lastCaret;

    /** One completion as offered: what the popup shows and the whole filter text it leads to. */
    record Suggestion(String shown, String resultText, int caretAfter) {
    }

    FilterBar(ExplorerViewModel viewModel) {
        getStyleClass().add("explorer-filter-bar");
        field.setId("explorer-filter");
        field.getStyleClass().add("explorer-filter");
        field.setPromptText("Filter, e.g.  event.action = ConsoleLogin and event.outcome = failure   (Enter runs it)");
        field.setTooltip(new Tooltip("The filter language: field = value, !=, < >, contains, startswith, matches /re/, "
                + "in [a, b], in 10.0.0.0/8, exists, and / or / not, (…), free text"));
        field.textProperty().bindBidirectional(viewModel.filterTextProperty());
        caret.setId("explorer-filter-caret");
        caret.getStyleClass().add("explorer-filter-caret");
        error.setId("explorer-filter-error");
        error.getStyleClass().add("explorer-filter-error");

        history.setId("explorer-history");
        history.getStyleClass().add("explorer-history");
        history.setOnShowing(e -> fillHistory(viewModel, viewModel.history()));
        Button run = new Button("Search");
        run.setId("explorer-run");
        run.setDefaultButton(false);
        run.setOnAction(e -> viewModel.submit());

        HBox row = new HBox(6, history, field, run);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        VBox problem = new VBox(0, caret, error);
        problem.getStyleClass().add("explorer-filter-problem");
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().addAll(row, problem);

        PauseTransition settle = new PauseTransition(SETTLE);
        settle.setOnFinished(e -> viewModel.run());
        viewModel.filterCheckProperty().addListener((obs, old, check) -> {
            show(check, problem);
            if (check.valid() && field.isFocused()) {
                settle.playFromStart(); // typed by the analyst: run once typing settles
            } else {
                settle.stop();
            }
        });
        show(viewModel.filterCheckProperty().get(), problem);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                settle.stop();
                viewModel.submit();
            }
        });
        bindCompletion(viewModel);
    }

    TextField field() {
        return field;
    }

    private void show(FilterCheck check, VBox problem) {
        boolean bad = !check.valid();
        field.pseudoClassStateChanged(INVALID, bad);
        field.pseudoClassStateChanged(VALID, !bad && !check.text().isBlank());
        problem.setVisible(bad);
        // The field and this line share a monospace font and left inset, so the caret sits under the column.
        caret.setText(bad ? " ".repeat(Math.max(0, check.column() - 1)) + "^" : "");
        error.setText(check.message());
    }

    private void fillHistory(ExplorerViewModel viewModel, List<String> recent) {
        history.getItems().clear();
        if (recent.isEmpty()) {
            MenuItem none = new MenuItem("No filters run yet");
            none.setDisable(true);
            history.getItems().add(none);
        }
        for (String text : recent) {
            MenuItem item = new MenuItem(text);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                viewModel.filterTextProperty().set(text);
                viewModel.submit();
            });
            history.getItems().add(item);
        }
    }

    private void bindCompletion(ExplorerViewModel viewModel) {
        field.caretPositionProperty().addListener((obs, old, pos) -> lastCaret = pos.intValue());
        // The caret is read on the FX thread and handed to the completion thread with the text it belongs to.
        AutoCompletionBinding<Suggestion> binding = TextFields.bindAutoCompletion(field, request -> {
            String text = request.getUserText();
            int at = caretFor(text);
            FilterCompletion completion = FilterCompletion.at(text, at);
            return viewModel.suggestions(completion).stream().map(s -> {
                String replacement = completion.kind() == FilterCompletion.Kind.VALUE ? FilterEdits.quote(s) : s;
                String result = completion.apply(text, replacement);
                return new Suggestion(s, result, completion.from() + replacement.length());
            }).toList();
        }, new StringConverter<>() {
            @Override
            public String toString(Suggestion s) {
                return s == null ? "" : s.shown();
            }

            @Override
            public Suggestion fromString(String s) {
                return null;
            }
        });
        binding.setVisibleRowCount(10);
        binding.setOnAutoCompleted(e -> {
            Suggestion s = e.getCompletion();
            field.setText(s.resultText());
            field.positionCaret(Math.min(s.caretAfter(), s.resultText().length()));
        });
    }

    private int caretFor(String text) {
        int at = lastCaret;
        return at < 0 || at > text.length() ? text.length() : at;
    }
}
