package io.watchpost.store;

import java.util.List;
import java.util.Optional;

/** One page of matching events in the asked order; {@code next} is empty on the last page. */
public record EventPage(List<StoredEvent> events, Optional<PageCursor> next) {
    public EventPage {
        events = List.copyOf(events);
    }
}
