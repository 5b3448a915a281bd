package io.watchpost.ui.dashboard;

/** "Open the Explorer on these events": a filter in the Explorer's language and an event-time range (end exclusive). */
public record ExplorerRequest(String filter, long fromMillis, long toMillis) {

    /** A filter term {@code field = "value"}, quoted so any value parses. */
    static String equalsTerm(String field, String value) {
        return field + " = \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
