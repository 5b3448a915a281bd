package io.watchpost.ui.status;

/**
 * What the status bar shows at one moment.
 *
 * @param cachedEvents    events in the cache, or -1 before the first count finished
 * @param storedPerSecond events stored per second over the last sampling interval
 * @param lastError       ingestion's last error, or the cache's when counting failed; null when all is well
 */
public record StatusSnapshot(long cachedEvents, double storedPerSecond, long parseErrors, long apiCalls,
                             String lastError) {

    public static final StatusSnapshot UNKNOWN = new StatusSnapshot(-1, 0, 0, 0, null);
}
