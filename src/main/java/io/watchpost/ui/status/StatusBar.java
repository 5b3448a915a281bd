package io.watchpost.ui.status;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.text.NumberFormat;
import java.util.Locale;

/** One line at the bottom of the window: cache size, throughput, parse errors, API calls, last error, source. */
public final class StatusBar extends HBox {

    private final Label cached = label("status-cached");
    private final Label rate = label("status-rate");
    private final Label parseErrors = label("status-parse-errors");
    private final Label apiCalls = label("status-api-calls");
    private final Label lastError = label("status-last-error");
    private final Label source = label("status-source");

    public StatusBar(StatusViewModel viewModel) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        lastError.getStyleClass().add("status-error");
        lastError.managedProperty().bind(lastError.visibleProperty());
        lastError.setMinWidth(0);
        HBox.setHgrow(lastError, Priority.SOMETIMES);
        source.getStyleClass().add("status-source");
        source.setText(viewModel.sourceDescription());
        source.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(cached, separator(), rate, separator(), parseErrors, separator(), apiCalls, lastError,
                spacer, source);
        viewModel.statusProperty().addListener((obs, old, status) -> show(status));
        show(viewModel.statusProperty().get());
    }

    private void show(StatusSnapshot status) {
        NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);
        counts.setGroupingUsed(true);
        cached.setText(status.cachedEvents() < 0 ? "Cached: counting…"
                : "Cached: " + counts.format(status.cachedEvents()) + " events");
        rate.setText(String.format(Locale.ROOT, "%.1f events/s", status.storedPerSecond()));
        parseErrors.setText("Parse errors: " + counts.format(status.parseErrors()));
        parseErrors.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("nonzero"), status.parseErrors() > 0);
        apiCalls.setText("API calls: " + counts.format(status.apiCalls()));
        boolean failed = status.lastError() != null && !status.lastError().isBlank();
        lastError.setVisible(failed);
        lastError.setText(failed ? "Last error: " + status.lastError() : "");
        lastError.setTooltip(failed ? new Tooltip(status.lastError()) : null);
    }

    public Label cachedLabel() {
        return cached;
    }

    public Label rateLabel() {
        return rate;
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-item");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Separator separator() {
        Separator separator = new Separator(Orientation.VERTICAL);
        separator.getStyleClass().add("status-separator");
        return separator;
    }
}
