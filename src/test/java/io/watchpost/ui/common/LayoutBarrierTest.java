package io.watchpost.ui.common;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutBarrierTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aChangeInsideDoesNotAskTheSurroundingLayoutAgain() throws Exception {
        Boolean[] outcome = WaitForAsyncUtils.asyncFx(() -> {
            Label inside = new Label("12 events");
            LayoutBarrier barrier = new LayoutBarrier(inside);
            Label beside = new Label("beside");
            VBox around = new VBox(beside, barrier);
            barrier.setPrefSize(200, 40);
            Scene scene = new Scene(new Group(around), 400, 300);
            scene.getRoot().applyCss();
            for (int i = 0; i < 3; i++) { // skins made by the CSS pass ask once more
                scene.getRoot().layout();
                inside.layout(); // a layout root of its own: the scene's pulse lays it out separately
            }
            boolean settled = !around.isNeedsLayout() && !inside.isNeedsLayout();
            if (!settled) {
                throw new AssertionError("not settled: around " + around.isNeedsLayout() + ", inside " + inside.isNeedsLayout());
            }

            inside.setText("12,345,678 events and a much longer text");

            boolean insideAsks = inside.isNeedsLayout();
            boolean aroundAsks = around.isNeedsLayout();
            return new Boolean[]{settled, insideAsks, aroundAsks};
        }).get(10, TimeUnit.SECONDS);
        assertTrue(outcome[0], "laid out before the change");
        assertTrue(outcome[1], "the changed label lays itself out again");
        assertFalse(outcome[2], "the surrounding box is not asked to lay out again");
    }

    @Test
    void theContentFillsTheBarrier() throws Exception {
        double[] size = WaitForAsyncUtils.asyncFx(() -> {
            Label inside = new Label("x");
            LayoutBarrier barrier = new LayoutBarrier(inside);
            barrier.resize(300, 120);
            barrier.layout();
            return new double[]{inside.getWidth(), inside.getHeight()};
        }).get(10, TimeUnit.SECONDS);
        assertEquals(300, size[0]);
        assertEquals(120, size[1]);
    }
}
