package io.watchpost.ui;

import io.watchpost.detect.EventRef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The filter that finds exactly an alert's contributing events: per log group, its eventIds. */
final class EventRefFilter {

    private EventRefFilter() {
    }

    static String of(List<EventRef> refs) {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (EventRef r : refs) {
            byGroup.computeIfAbsent(r.logGroup(), g -> new java.util.ArrayList<>()).add(r.eventId());
        }
        return byGroup.entrySet().stream()
                .map(e -> "(logGroup = " + quote(e.getKey()) + " and eventId in ["
                        + e.getValue().stream().map(EventRefFilter::quote).collect(Collectors.joining(", ")) + "])")
                .collect(Collectors.joining(" or "));
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
