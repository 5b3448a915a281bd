package io.watchpost.ui.sync;

import io.watchpost.sync.SyncSettings;
import io.watchpost.sync.SyncStatus;

import java.util.Optional;

/**
 * What the Team sync tab asks the wiring for: the running sync's status, and the saved connection settings to edit,
 * test and apply. All but {@link #status()} and {@link #target()} may block: call them off the FX thread.
 */
public interface TeamSync {

    /** The running sync's status, or null while none runs (no settings saved yet). Cheap, never blocks. */
    SyncStatus status();

    /** The server synced to, without credentials; empty while none is set. Cheap. */
    String target();

    /** The saved settings, password included: a view must never show it (see {@link SyncSettings#masked()}). */
    Optional<SyncSettings> saved();

    /** Logs in with {@code settings} and returns the server's version; throws with the exact reason otherwise. */
    String testConnection(SyncSettings settings);

    /** Saves {@code settings} (owner-only) and (re)starts the background sync with them. */
    void apply(SyncSettings settings);
}
