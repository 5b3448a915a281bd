package io.watchpost.ui.sync;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A small panel: where the cache syncs to, state, backlog, rows/s, last success and last error. Shows only what its
 * view model holds; the target is shown without password.
 */
public final class SyncStatusView extends GridPane {

    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    private final Label target = value("sync-target");
    private final Label state = value("sync-state");
    private final Label backlog = value("sync-backlog");
    private final Label rate = value("sync-rate");
    private final Label lastSuccess = value("sync-last-success");
    private final Label lastError = value("sync-last-error");

    public SyncStatusView(SyncStatusViewModel viewModel) {
        getStyleClass().add("sync-status");
        setHgap(12);
        setVgap(4);
        NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);
        target.textProperty().bind(viewModel.targetProperty());
        state.textProperty().bind(viewModel.summaryProperty());
        viewModel.stateProperty().addListener((obs, old, now) ->
                state.pseudoClassStateChanged(OFFLINE, now == io.watchpost.sync.SyncStatus.State.OFFLINE));
        backlog.textProperty().bind(Bindings.createStringBinding(() -> viewModel.backlogProperty().get() < 0 ? "…"
                : counts.format(viewModel.backlogProperty().get()) + " events", viewModel.backlogProperty()));
        rate.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,.0f rows/s",
                viewModel.rowsPerSecondProperty().get()), viewModel.rowsPerSecondProperty()));
        lastSuccess.textProperty().bind(viewModel.lastSuccessProperty());
        lastError.textProperty().bind(viewModel.lastErrorProperty());
        lastError.setWrapText(true);
        addRow(0, name("Database"), target);
        addRow(1, name("State"), state);
        addRow(2, name("Backlog"), backlog);
        addRow(3, name("Throughput"), rate);
        addRow(4, name("Last success"), lastSuccess);
        addRow(5, name("Last error"), lastError);
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("sync-status-name");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a long target must not squeeze the names
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("sync-status-value");
        return l;
    }
}
