package io.watchpost.ui.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.normalize.Event;
import io.watchpost.store.StoredEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the detail pane shows for one event: a one-line summary, the raw text (pretty-printed when it is JSON) and
 * the normalized plus flattened fields as "key: value" lines. Built off the FX thread; JSON can be large.
 *
 * @param parseError the parser's complaint, or null
 */
public record EventDetail(String summary, String raw, String fields, String parseError) {

    public static final EventDetail EMPTY = new EventDetail("Select an event to see its raw text and fields.", "", "", null);

    private static final ObjectMapper JSON = new ObjectMapper();

    public static EventDetail of(StoredEvent stored) {
        Event e = stored.event();
        String summary = EventRow.TIME.format(e.eventTime()) + "  ·  " + e.severity() + "  ·  " + e.logGroup()
                + (e.logStream() == null || e.logStream().isEmpty() ? "" : " / " + e.logStream())
                + "  ·  event " + e.eventId() + "  ·  #" + stored.seq();
        return new EventDetail(summary, prettyRaw(e.raw()), fieldLines(e), e.parseError());
    }

    /** JSON comes back indented; anything else, including malformed JSON, exactly as received. */
    static String prettyRaw(String raw) {
        String trimmed = raw.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode tree = JSON.readTree(trimmed);
                if (tree != null) {
                    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
                }
            } catch (JsonProcessingException e) {
                // Not JSON after all (the parse error says why): show the bytes we got, untouched.
            }
        }
        return raw;
    }

    static String fieldLines(Event e) {
        Map<String, String> normalized = new LinkedHashMap<>();
        normalized.put("eventTime", EventRow.TIME.format(e.eventTime()) + " UTC");
        normalized.put("ingestTime", EventRow.TIME.format(e.ingestTime()) + " UTC");
        normalized.put("severity", e.severity().name());
        normalized.put("sourceType", e.sourceType());
        normalized.put("logGroup", e.logGroup());
        normalized.put("logStream", e.logStream());
        normalized.put("eventId", e.eventId());
        normalized.put("action", e.action());
        normalized.put("outcome", e.outcome());
        normalized.put("user", e.user());
        normalized.put("sourceIp", e.sourceIp());
        normalized.put("parseError", e.parseError());
        StringBuilder out = new StringBuilder();
        appendAligned(out, normalized);
        if (!e.fields().isEmpty()) {
            out.append("\n── flattened fields (").append(e.fields().size()).append(") ──\n");
            appendAligned(out, e.fields());
        }
        return out.toString();
    }

    private static void appendAligned(StringBuilder out, Map<String, String> values) {
        int width = 0;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getValue() != null) {
                width = Math.max(width, entry.getKey().length());
            }
        }
        width = Math.min(width, 48);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            out.append(entry.getKey()).append(':');
            out.append(" ".repeat(Math.max(1, width - entry.getKey().length() + 1)));
            out.append(entry.getValue()).append('\n');
        }
    }
}
