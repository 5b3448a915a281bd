package io.watchpost.sync;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;

/**
 * What the background sync is doing at one moment; immutable, so a view can poll it from any thread.
 *
 * @param state         syncing, idle or offline
 * @param backlog       cached events not yet in PostgreSQL
 * @param rowsPerSecond rows pushed per second during the current or last push
 * @param lastSuccessAt when a sync last completed, or null
 * @param lastError     the last failure, one line, password scrubbed; null when none yet
 * @param lastErrorAt   when it happened, or null
 */
public record SyncStatus(State state, long backlog, double rowsPerSecond, Instant lastSuccessAt, String lastError,
                         Instant lastErrorAt) {

    public enum State { STARTING, SYNCING, IDLE, OFFLINE, STOPPED }

    public static final SyncStatus INITIAL = new SyncStatus(State.STARTING, -1, 0, null, null, null);

    /** One line for a status bar or the console, e.g. "offline — 1,234 events behind". */
    public String describe() {
        String behind = backlog < 0 ? "" : " — " + NumberFormat.getIntegerInstance(Locale.ROOT).format(backlog)
                + (backlog == 1 ? " event behind" : " events behind");
        return switch (state) {
            case STARTING -> "starting";
            case SYNCING -> String.format(Locale.ROOT, "syncing%s (%.0f rows/s)", behind, rowsPerSecond);
            case IDLE -> backlog == 0 ? "up to date" : "idle" + behind;
            case OFFLINE -> "offline" + behind;
            case STOPPED -> "stopped" + behind;
        };
    }

    SyncStatus with(State newState) {
        return new SyncStatus(newState, backlog, rowsPerSecond, lastSuccessAt, lastError, lastErrorAt);
    }

    SyncStatus withBacklog(long newBacklog) {
        return new SyncStatus(state, newBacklog, rowsPerSecond, lastSuccessAt, lastError, lastErrorAt);
    }

    SyncStatus withRate(double rate) {
        return new SyncStatus(state, backlog, rate, lastSuccessAt, lastError, lastErrorAt);
    }

    SyncStatus succeeded(Instant at) {
        return new SyncStatus(state, backlog, rowsPerSecond, at, lastError, lastErrorAt);
    }

    SyncStatus failed(String error, Instant at) {
        return new SyncStatus(State.OFFLINE, backlog, 0, lastSuccessAt, error, at);
    }
}
