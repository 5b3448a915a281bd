package io.watchpost.sync;

/**
 * What one {@link PostgresSync#pushOnce()} did.
 *
 * @param rowsRead         cached events read past the high-water mark and sent
 * @param rowsInserted     of those, rows the target did not hold yet
 * @param duplicates       rows the target already held (pushed by another workstation, or re-sent after a crash)
 * @param seconds          wall time of the push
 * @param backlogRemaining cached events still past the high-water mark afterwards (arrived during the push)
 */
public record SyncReport(long rowsRead, long rowsInserted, long duplicates, double seconds, long backlogRemaining) {

    public double rowsPerSecond() {
        return seconds > 0 ? rowsRead / seconds : 0;
    }
}
