package io.watchpost.detect;

/** An event's identity in the cache, so the Explorer can open it. */
public record EventRef(String logGroup, String eventId) {
}
