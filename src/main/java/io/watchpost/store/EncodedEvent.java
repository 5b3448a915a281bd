package io.watchpost.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import io.watchpost.normalize.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An event with its fields already written as the JSON text the cache stores. Encoding is a large share of an
 * insert's cost, so ingestion encodes on the thread that fetched the page while another thread writes the previous
 * one; {@link EventStore} only binds the text.
 */
public record EncodedEvent(Event event, String fieldsJson) {

    private static final JsonFactory JSON = new JsonFactory();

    public static EncodedEvent of(Event event) {
        return new EncodedEvent(event, fieldsJson(event.fields()));
    }

    /**
     * The fields as one JSON object of strings, keys in the map's order. The streaming generator, not a data-bound
     * mapper: a map of strings needs no serializer lookup per entry, and this runs once per ingested event.
     */
    static String fieldsJson(Map<String, String> fields) {
        SegmentedStringWriter out = new SegmentedStringWriter(new BufferRecycler());
        try {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                for (Map.Entry<String, String> f : fields.entrySet()) {
                    g.writeStringField(f.getKey(), f.getValue());
                }
                g.writeEndObject();
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }
}
