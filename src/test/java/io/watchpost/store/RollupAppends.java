package io.watchpost.store;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Test helper: appends, then folds the new rows (and the API call times recorded so far) into the rollups at a given
 * "now", as the rollup updater does once a second.
 */
public final class RollupAppends {

    private RollupAppends() {
    }

    public static AppendResult append(Cache cache, List<Event> events) {
        return append(cache, events, System.currentTimeMillis());
    }

    public static AppendResult append(Cache cache, List<Event> events, long nowMillis) {
        AppendResult result = cache.events().append(events);
        Rollups.catchUp(cache.dataSource(), cache.events().apiCalls(), nowMillis);
        return result;
    }

    /** A pre-normalized event, as the dashboard tests need them. */
    public static Event event(String id, String group, String sourceType, long eventTime, long latencyMillis,
                              String action, String outcome, String user, String ip) {
        return new Event(Instant.ofEpochMilli(eventTime), Instant.ofEpochMilli(eventTime + latencyMillis), group, "stream", id,
                sourceType, Severity.INFO, action, outcome, user, ip, "m", "raw-" + id, Map.of(), null);
    }
}
