package io.watchpost.ui.help;

import io.watchpost.ui.theme.ThemeController;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/**
 * The Help window: keyboard shortcuts and the filter grammar, rendered from {@link HelpText}. Non-modal, so the
 * grammar can stay open beside the events while typing a filter; opening it again brings the same window forward.
 */
public final class HelpWindow {

    public static final String TITLE = "Watchpost Help";

    private final Window owner;
    private final ThemeController themes;
    private Stage stage;

    public HelpWindow(Window owner, ThemeController themes) {
        this.owner = owner;
        this.themes = themes;
    }

    /** Shows the window (building it the first time) and brings it to the front. FX thread. */
    public void show() {
        if (stage == null) {
            stage = build();
        }
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private Stage build() {
        VBox content = render(HelpText.bundled());
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("help-scroll");
        Scene scene = new Scene(scroll, 640, 700);
        themes.register(scene);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle(TITLE);
        s.setScene(scene);
        if (owner != null) {
            s.setX(owner.getX() + Math.max(0, owner.getWidth() - 680));
            s.setY(owner.getY() + 60);
        }
        return s;
    }

    /** The help blocks as labels: headings, paragraphs, example boxes and two-column grids for rows. */
    static VBox render(List<HelpBlock> blocks) {
        VBox box = new VBox(6);
        box.setId("help-content");
        box.getStyleClass().add("help-content");
        box.setPadding(new Insets(16, 20, 20, 20));
        GridPane grid = null;
        for (HelpBlock block : blocks) {
            if (!(block instanceof HelpBlock.Row)) {
                grid = null;
            }
            if (block instanceof HelpBlock.Heading h) {
                box.getChildren().add(label(h.text(), "help-heading"));
            } else if (block instanceof HelpBlock.Paragraph p) {
                box.getChildren().add(label(p.text(), "help-paragraph"));
            } else if (block instanceof HelpBlock.Example e) {
                box.getChildren().add(label(e.text(), "help-example"));
            } else if (block instanceof HelpBlock.Row r) {
                if (grid == null) {
                    grid = new GridPane();
                    grid.getStyleClass().add("help-table");
                    grid.setHgap(16);
                    grid.setVgap(3);
                    ColumnConstraints keys = new ColumnConstraints();
                    keys.setMinWidth(150);
                    ColumnConstraints meaning = new ColumnConstraints();
                    meaning.setHgrow(Priority.ALWAYS);
                    grid.getColumnConstraints().addAll(keys, meaning);
                    box.getChildren().add(grid);
                }
                int row = grid.getRowCount();
                grid.add(label(r.key(), "help-key"), 0, row);
                grid.add(label(r.meaning(), "help-meaning"), 1, row);
            }
        }
        return box;
    }

    private static Node label(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
