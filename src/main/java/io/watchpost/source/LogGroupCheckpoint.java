package io.watchpost.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How far polling of one log group got: the newest event time stored and the eventIds stored at exactly that time
 * (CloudWatch's time filter is inclusive, so the next poll sees them again and must know to skip them).
 */
public record LogGroupCheckpoint(long newestEventTime, Set<String> idsAtNewest) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public LogGroupCheckpoint {
        idsAtNewest = Set.copyOf(idsAtNewest);
    }

    public static LogGroupCheckpoint startingAt(long millis) {
        return new LogGroupCheckpoint(millis, Set.of());
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(new Json(newestEventTime, new ArrayList<>(idsAtNewest)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LogGroupCheckpoint fromJson(String json) {
        try {
            Json j = JSON.readValue(json, Json.class);
            return new LogGroupCheckpoint(j.newestEventTime(), Set.copyOf(j.idsAtNewest()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable checkpoint: " + e.getOriginalMessage(), e);
        }
    }

    private record Json(long newestEventTime, List<String> idsAtNewest) {
    }
}
