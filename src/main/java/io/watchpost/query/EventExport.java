package io.watchpost.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.watchpost.normalize.Event;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** Writes events as JSON Lines or CSV (RFC 4180), the two forms analysts hand to other tools. */
public final class EventExport {

    public static final List<String> CSV_COLUMNS = List.of("eventTime", "ingestTime", "logGroup", "logStream", "eventId",
            "sourceType", "severity", "action", "outcome", "user", "sourceIp", "message", "parseError", "fields", "raw");

    private static final JsonFactory JSON = new JsonFactory();

    private EventExport() {
    }

    public static void writeJsonLine(Writer out, Event e) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(new NonClosingWriter(out))) {
            g.writeStartObject();
            g.writeStringField("eventTime", e.eventTime().toString());
            g.writeStringField("ingestTime", e.ingestTime().toString());
            g.writeStringField("logGroup", e.logGroup());
            g.writeStringField("logStream", e.logStream());
            g.writeStringField("eventId", e.eventId());
            g.writeStringField("sourceType", e.sourceType());
            g.writeStringField("severity", e.severity().name());
            writeNullable(g, "action", e.action());
            writeNullable(g, "outcome", e.outcome());
            writeNullable(g, "user", e.user());
            writeNullable(g, "sourceIp", e.sourceIp());
            writeNullable(g, "message", e.message());
            writeNullable(g, "parseError", e.parseError());
            g.writeObjectFieldStart("fields");
            for (Map.Entry<String, String> f : e.fields().entrySet()) {
                g.writeStringField(f.getKey(), f.getValue());
            }
            g.writeEndObject();
            g.writeStringField("raw", e.raw());
            g.writeEndObject();
        }
        out.write('\n');
    }

    public static void writeCsvHeader(Writer out) throws IOException {
        out.write(String.join(",", CSV_COLUMNS));
        out.write("\r\n");
    }

    public static void writeCsvRow(Writer out, Event e) throws IOException {
        StringBuilder fields = new StringBuilder();
        for (Map.Entry<String, String> f : e.fields().entrySet()) {
            if (!fields.isEmpty()) {
                fields.append("; ");
            }
            fields.append(f.getKey()).append('=').append(f.getValue());
        }
        String[] cells = {e.eventTime().toString(), e.ingestTime().toString(), e.logGroup(), e.logStream(), e.eventId(),
                e.sourceType(), e.severity().name(), e.action(), e.outcome(), e.user(), e.sourceIp(), e.message(),
                e.parseError(), fields.toString(), e.raw()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvCell(cells[i]));
        }
        out.write("\r\n");
    }

    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void writeNullable(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** Lets one generator per line write to a shared writer without closing it. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
