package io.watchpost.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How far one lane got, committed in the same H2 transaction as the page it covers: the newest event time stored
 * and the eventIds stored at exactly that time (time filters are inclusive, so a resumed read sees them again and
 * must skip them), the events done so far and whether a backfill lane covered its whole range.
 */
public record LaneCheckpoint(long time, Set<String> idsAtTime, long eventsDone, boolean done) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public LaneCheckpoint {
        idsAtTime = Set.copyOf(idsAtTime);
    }

    public static LaneCheckpoint startingAt(long millis) {
        return new LaneCheckpoint(millis, Set.of(), 0, false);
    }

    /** True when this event was stored under this checkpoint already. */
    public boolean covers(FilteredLogEvent e) {
        return e.timestamp() < time || (e.timestamp() == time && idsAtTime.contains(e.eventId()));
    }

    /** The checkpoint after storing {@code page} (events in time order within a lane). */
    public LaneCheckpoint advance(List<FilteredLogEvent> page, int fresh) {
        long newest = time;
        Set<String> ids = new HashSet<>(idsAtTime);
        for (FilteredLogEvent e : page) {
            long t = e.timestamp();
            if (t > newest) {
                newest = t;
                ids.clear();
            }
            if (t == newest) {
                ids.add(e.eventId());
            }
        }
        return new LaneCheckpoint(newest, ids, eventsDone + fresh, done);
    }

    public LaneCheckpoint finished() {
        return new LaneCheckpoint(time, idsAtTime, eventsDone, true);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(new Json(time, new ArrayList<>(idsAtTime), eventsDone, done));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LaneCheckpoint fromJson(String json) {
        try {
            Json j = JSON.readValue(json, Json.class);
            return new LaneCheckpoint(j.time(), Set.copyOf(j.idsAtTime()), j.eventsDone(), j.done());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable checkpoint: " + e.getOriginalMessage(), e);
        }
    }

    private record Json(long time, List<String> idsAtTime, long eventsDone, boolean done) {
    }
}
