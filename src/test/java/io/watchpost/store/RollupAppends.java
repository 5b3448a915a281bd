package io.watchpost.store;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Test helper: appends the way EventStore.append will once it calls {@code Rollups.add(c)} inside its transaction
 * (the events, then the rollups over the rows just stored). Replace with a plain append when that line is in.
 */
public final class RollupAppends {

    private RollupAppends() {
    }

    public static AppendResult append(Cache cache, List<Event> events) {
        return append(cache, events, System.currentTimeMillis());
    }

    public static AppendResult append(Cache cache, List<Event> events, long nowMillis) {
        AppendResult result = cache.events().append(events);
        try (Connection c = cache.dataSource().getConnection()) {
            c.setAutoCommit(false);
            Rollups.add(c, nowMillis);
            c.commit();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return result;
    }

    /** A pre-normalized event, as the dashboard tests need them. */
    public static Event event(String id, String group, String sourceType, long eventTime, long latencyMillis,
                              String action, String outcome, String user, String ip) {
        return new Event(Instant.ofEpochMilli(eventTime), Instant.ofEpochMilli(eventTime + latencyMillis), group, "stream", id,
                sourceType, Severity.INFO, action, outcome, user, ip, "m", "raw-" + id, Map.of(), null);
    }
}
