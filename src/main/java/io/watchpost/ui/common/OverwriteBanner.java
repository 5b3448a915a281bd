package io.watchpost.ui.common;

import io.watchpost.store.TeamState;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The marker on a piece of team state whose local change lost to another workstation's (last writer wins): who
 * overwrote it and when, and an Acknowledge button that clears it. Hidden (and taking no room) when there is none.
 */
public final class OverwriteBanner extends HBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Label text = new Label();

    /** {@code id} names the banner; its label is {@code id-text} and the button {@code id-ack}. */
    public OverwriteBanner(String id, Runnable acknowledge) {
        setId(id);
        getStyleClass().add("overwrite-banner");
        text.setId(id + "-text");
        text.setWrapText(true);
        Button ack = new Button("Acknowledge");
        ack.setId(id + "-ack");
        ack.setOnAction(a -> acknowledge.run());
        getChildren().setAll(text, ack);
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        managedProperty().bind(visibleProperty());
        show(null);
    }

    /** Shows the marker, or hides the banner for null. */
    public void show(TeamState.Overwrite overwrite) {
        setVisible(overwrite != null);
        text.setText(overwrite == null ? "" : describe(overwrite));
    }

    /** "⚠ Your change was overwritten by bob@ws2 (2026-01-10 12:00 UTC)". */
    public static String describe(TeamState.Overwrite o) {
        return "⚠ Your change was overwritten by " + o.by() + (o.at() == null ? "" : " (" + TIME.format(o.at()) + " UTC)");
    }
}
