package io.watchpost.detect;

import io.watchpost.normalize.Event;

import java.util.List;
import java.util.Set;

/** A compiled rule with its running state; fed events in event-time order by one thread. */
interface Detector {
    Rule rule();

    void accept(Event e, List<Firing> out);

    /** The only event actions this detector can ever react to, or null when it must see any action. */
    Set<String> actions();

    /** The only source types it can react to, or null for all. */
    Set<String> sourceTypes();
}
