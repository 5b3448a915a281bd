package io.watchpost.ui.sources;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A table row for one followed group. The row object lives as long as the group is followed and only its status
 * changes, so a refresh keeps the table's selection and scroll position (replacing items would reset them).
 * FX thread only.
 */
public final class SourceRow {

    private final String logGroup;
    private final ReadOnlyObjectWrapper<SourceStatus> status;

    SourceRow(SourceStatus initial) {
        this.logGroup = initial.logGroup();
        this.status = new ReadOnlyObjectWrapper<>(initial);
    }

    public String logGroup() {
        return logGroup;
    }

    public SourceStatus status() {
        return status.get();
    }

    public ReadOnlyObjectProperty<SourceStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    void update(SourceStatus next) {
        status.set(next);
    }
}
