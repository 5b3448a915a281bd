package io.watchpost.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Makes the cache's fields JSON acceptable to JSONB, which rejects the escape {@code \u0000}. */
final class FieldsJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private FieldsJson() {
    }

    static String forJsonb(String json) {
        // Fast path: almost no log line holds a NUL. The substring test may also hit an escaped backslash followed by
        // "u0000"; the slow path below is correct for that too.
        if (!json.contains("\\u0000")) {
            return json;
        }
        try {
            Map<String, String> fields = JSON.readValue(json, FIELDS);
            Map<String, String> clean = new LinkedHashMap<>();
            fields.forEach((k, v) -> clean.put(withoutNul(k), withoutNul(v)));
            return JSON.writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the cache holds a fields column that is not a JSON object of strings", e);
        }
    }

    private static String withoutNul(String s) {
        return s == null ? null : s.replace('\0', CopyTextWriter.NUL_REPLACEMENT);
    }
}
