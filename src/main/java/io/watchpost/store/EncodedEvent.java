package io.watchpost.store;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.watchpost.normalize.Event;

import java.util.Map;

/**
 * An event with its fields already written as the JSON text the cache stores. Encoding is a large share of an
 * insert's cost, so ingestion encodes on the thread that fetched the page while another thread writes the previous
 * one; {@link EventStore} only binds the text.
 */
public record EncodedEvent(Event event, String fieldsJson) {

    /**
     * One builder per encoding thread, kept between events. A Jackson generator per event allocated its 8 KB output
     * buffer each time (a fresh BufferRecycler cannot recycle): the largest single cost on the ingest thread in a
     * JFR profile, and garbage the FX thread then waited on in GC pauses.
     */
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(1024));
    private static final int KEEP_CAPACITY = 64 * 1024;

    public static EncodedEvent of(Event event) {
        return new EncodedEvent(event, fieldsJson(event.fields()));
    }

    /**
     * The fields as one JSON object of strings, keys in the map's order. Jackson's encoder does the escaping (quotes,
     * backslashes, control characters) exactly as its generator would.
     */
    static String fieldsJson(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return "{}";
        }
        StringBuilder out = BUFFER.get();
        out.setLength(0);
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append('"');
            encoder.quoteAsString(f.getKey(), out);
            out.append("\":");
            if (f.getValue() == null) {
                out.append("null");
            } else {
                out.append('"');
                encoder.quoteAsString(f.getValue(), out);
                out.append('"');
            }
        }
        out.append('}');
        String json = out.toString();
        if (out.capacity() > KEEP_CAPACITY) {
            BUFFER.remove(); // one huge event should not pin its buffer on the thread for good
        }
        return json;
    }
}
