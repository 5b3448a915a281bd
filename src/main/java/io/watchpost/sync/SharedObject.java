package io.watchpost.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of team state (a rule, an alert's triage, a tag, a saved search …) as the cache holds it.
 *
 * @param kind          what the feature calls it, e.g. {@code "rule"}
 * @param id            unique within the kind
 * @param body          JSON text owned by the feature
 * @param updatedAt     when its current content was written, by the writer's clock
 * @param updatedBy     the origin (workstation) that wrote it
 * @param version       local edit counter
 * @param deleted       a tombstone: deleted, kept so the delete reaches the other workstations
 * @param pending       changed here and not yet pushed
 * @param overwrittenBy when this workstation's change lost to a concurrent one: who won, else null
 * @param overwrittenAt when that was detected, else null
 */
public record SharedObject(String kind, String id, String body, Instant updatedAt, String updatedBy, long version,
                           boolean deleted, boolean pending, String overwrittenBy, Instant overwrittenAt) {

    public SharedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }

    /** True when a view should show "your change was overwritten by … at …". */
    public boolean wasOverwritten() {
        return overwrittenBy != null;
    }
}
