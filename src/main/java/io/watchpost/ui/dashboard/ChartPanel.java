package io.watchpost.ui.dashboard;

import io.fair_acc.chartfx.XYChart;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** A chart with the reason it is empty written over it ("no events in this window", "paused" …). */
final class ChartPanel extends StackPane {

    private final Label emptyReason = new Label();
    private final Label note = new Label();

    ChartPanel(XYChart chart) {
        getStyleClass().add("dashboard-chart");
        emptyReason.getStyleClass().add("dashboard-empty-reason");
        emptyReason.setMouseTransparent(true);
        emptyReason.setId(chart.getId() + "-empty");
        note.getStyleClass().add("dashboard-chart-note");
        note.setMouseTransparent(true);
        note.setId(chart.getId() + "-note");
        StackPane.setAlignment(note, Pos.TOP_RIGHT);
        getChildren().addAll(chart, emptyReason, note);
        setReason("");
        setNote("");
    }

    void setReason(String reason) {
        emptyReason.setText(reason);
        emptyReason.setVisible(!reason.isEmpty());
    }

    /** A smaller remark in the corner, shown while the chart has data too ("no alerts yet"). */
    void setNote(String text) {
        note.setText(text);
        note.setVisible(!text.isEmpty());
    }

    String reason() {
        return emptyReason.isVisible() ? emptyReason.getText() : "";
    }

    String noteText() {
        return note.isVisible() ? note.getText() : "";
    }
}
