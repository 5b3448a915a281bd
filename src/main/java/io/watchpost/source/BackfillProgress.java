package io.watchpost.source;

/**
 * Where a backfill stands, immutable; handed to its {@link BackfillListener} after every committed page.
 *
 * @param eventsDone    events stored by this backfill, across restarts
 * @param coveredShare  0..1: the share of the time range read, averaged over the group's lanes
 * @param etaMillis     estimated time to finish at this run's pace, -1 while unknown
 * @param state         BACKFILL while running, then DONE, STOPPED (cancelled; resumable) or FAILED
 * @param error         why it failed, else null
 */
public record BackfillProgress(String logGroup, long startMillis, long endMillis, long eventsDone,
                               double coveredShare, long etaMillis, IngestMode state, String error) {

    public boolean finished() {
        return state != IngestMode.BACKFILL;
    }
}
