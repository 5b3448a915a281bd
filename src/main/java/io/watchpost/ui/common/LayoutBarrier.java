package io.watchpost.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Keeps a live-updating part from re-laying out the whole window. A managed node that changes (a label's text, a
 * chart's axis range) asks every ancestor up to the root to lay out again, and the ancestors then ask all their
 * children for sizes: a new count in one list made the Dashboard's grid recompute every chart's axes, hundreds of
 * milliseconds on the FX thread at each refresh. Here the content is unmanaged, which makes it a layout root of its
 * own: its changes are laid out within it, and the barrier gives it exactly the barrier's own size, which the
 * surrounding layout decides without looking inside.
 */
public final class LayoutBarrier extends Region {

    private final Node content;

    public LayoutBarrier(Node content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        getStyleClass().add("layout-barrier");
        // The surrounding layout sizes the barrier (grid percentages, growth, or a size set by the caller); its
        // content never pushes back. Sizes computed from the content would make every content change a question
        // the parent has to ask again.
        setMinSize(0, 0);
        setPrefSize(0, 0);
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }
}
