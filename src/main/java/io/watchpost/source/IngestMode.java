package io.watchpost.source;

/** What a log group's ingestion is doing now; a view shows it per group. */
public enum IngestMode {
    /** Registered, not yet read. */
    STARTING,
    /** A StartLiveTail session pushes notifications; each one triggers an immediate catch-up read. */
    LIVE_TAIL,
    /** Polled every interval (Live Tail unavailable for this group or this endpoint). */
    POLLING,
    /** Reading a chosen time range. */
    BACKFILL,
    /** The backfill covered its whole range. */
    DONE,
    /** Stopped by the user; checkpoints are saved. */
    STOPPED,
    /** A non-transient error (unknown group, access denied); see the snapshot's last error. */
    FAILED
}
