package io.watchpost.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * How a group is split into lanes: the busy streams read with GetLogEvents, one lane each, and the FilterLogEvents
 * lane for the rest ({@code filterStreams}, or null for "the whole group except the busy streams"). Saved beside
 * the lanes' checkpoints so a restart reads every stream through the same lane (the lanes' eventIds differ).
 */
public record LanePlan(List<String> busyStreams, List<String> filterStreams) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final LanePlan FILTER_ONLY = new LanePlan(List.of(), null);

    public LanePlan {
        busyStreams = List.copyOf(busyStreams);
        filterStreams = filterStreams == null ? null : List.copyOf(filterStreams);
    }

    /** False when every stream is a busy one: no FilterLogEvents lane is needed. */
    public boolean hasFilterLane() {
        return filterStreams == null || !filterStreams.isEmpty();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LanePlan fromJson(String json) {
        try {
            return JSON.readValue(json, LanePlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable lane plan: " + e.getOriginalMessage(), e);
        }
    }
}
