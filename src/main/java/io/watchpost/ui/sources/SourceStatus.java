package io.watchpost.ui.sources;

import io.watchpost.source.GroupSnapshot;
import io.watchpost.source.IngestMode;

import java.util.List;

/**
 * One row of the sources table at one refresh, immutable: the engine's snapshot of the group plus what the
 * snapshot does not carry (why Live Tail is not used, why following failed).
 *
 * @param liveTailUnavailableReason the engine's reason the group polls instead of using Live Tail, or null
 * @param followError               why {@code follow} threw, or null
 */
public record SourceStatus(GroupSnapshot snapshot, String liveTailUnavailableReason, String followError) {

    static final long RECENT_ERROR_MILLIS = 30_000;

    /** A followed group the engine has no telemetry for yet. */
    static SourceStatus starting(String logGroup, IngestMode mode, long nowMillis, String followError) {
        return new SourceStatus(new GroupSnapshot(logGroup, mode, nowMillis, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                -1, -1, -1, -1, null, 0, List.of()), null, followError);
    }

    public String logGroup() {
        return snapshot.logGroup();
    }

    public IngestMode mode() {
        return followError != null ? IngestMode.FAILED : snapshot.mode();
    }

    /** What hovering the mode explains: why polling rather than Live Tail, or why it failed. */
    public String modeTooltip() {
        return switch (mode()) {
            case POLLING -> recentlyFailing() ? "Polling, but the last read failed: " + lastError()
                    + (liveTailUnavailableReason == null ? "" : "\nLive Tail unavailable — " + liveTailUnavailableReason)
                    : liveTailUnavailableReason == null ? "Polling (Live Tail not tried yet)"
                    : "Polling: Live Tail unavailable — " + liveTailUnavailableReason;
            case LIVE_TAIL -> "Live Tail session pushes new events; a poll fills gaps";
            case FAILED -> "Failed: " + (followError != null ? followError
                    : snapshot.lastError() != null ? snapshot.lastError() : "see the engine log");
            case BACKFILL -> "Reading a chosen time range";
            case STARTING -> "Starting";
            case DONE -> "Backfill finished";
            case STOPPED -> "Stopped; checkpoints are saved";
        };
    }

    /** An error within the last {@value #RECENT_ERROR_MILLIS} ms: the mode still says polling, but reads fail. */
    public boolean recentlyFailing() {
        return followError != null || snapshot.lastErrorAtMillis() > 0
                && snapshot.takenAtMillis() - snapshot.lastErrorAtMillis() < RECENT_ERROR_MILLIS;
    }

    public String lastError() {
        return followError != null ? followError : snapshot.lastError();
    }
}
