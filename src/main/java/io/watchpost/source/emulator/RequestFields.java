package io.watchpost.source.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to a request's JSON members. A member of the wrong JSON type is what AWS reports as
 * SerializationException; absent and JSON null members read as null.
 */
final class RequestFields {

    private final JsonNode root;

    RequestFields(JsonNode root) {
        this.root = root;
    }

    JsonNode node(String name) {
        JsonNode n = root.get(name);
        return n == null || n.isNull() ? null : n;
    }

    String string(String name) {
        JsonNode n = node(name);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw typeError(name, "a string");
        }
        return n.textValue();
    }

    Long longValue(String name) {
        return longOf(node(name), name);
    }

    Integer intValue(String name) {
        Long v = longValue(name);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw typeError(name, "an integer");
        }
        return v.intValue();
    }

    Boolean bool(String name) {
        JsonNode n = node(name);
        if (n == null) {
            return null;
        }
        if (!n.isBoolean()) {
            throw typeError(name, "a boolean");
        }
        return n.booleanValue();
    }

    List<String> stringList(String name) {
        JsonNode n = node(name);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw typeError(name, "a list");
        }
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw typeError(name, "a list of strings");
            }
            out.add(e.textValue());
        }
        return out;
    }

    static Long longOf(JsonNode n, String name) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw typeError(name, "an integer");
        }
        return n.longValue();
    }

    static EmulatorException typeError(String member, String expected) {
        return EmulatorException.serialization("Unexpected value for member '" + member + "': expected " + expected
                + ".");
    }
}
