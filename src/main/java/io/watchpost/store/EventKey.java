package io.watchpost.store;

import io.watchpost.normalize.Event;

/** The natural key of a cached event: tags and notes hang off it, so they outlive the local seq. */
public record EventKey(String logGroup, String eventId) {

    public static EventKey of(Event event) {
        return new EventKey(event.logGroup(), event.eventId());
    }
}
