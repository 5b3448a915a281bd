package io.watchpost.store;

import io.watchpost.normalize.Event;

/** An event as the cache holds it, with its local arrival number. */
public record StoredEvent(long seq, Event event) {
}
