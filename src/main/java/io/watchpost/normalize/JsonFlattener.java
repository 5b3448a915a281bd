package io.watchpost.normalize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.util.Map;

/**
 * Flattens a JSON document into dotted keys ({@code userIdentity.sessionContext.attributes.mfaAuthenticated}),
 * arrays indexed ({@code resources.0.ARN}), in one streaming pass: no intermediate tree, because this runs once per
 * ingested event.
 */
public final class JsonFlattener {

    /** Deeper documents are refused rather than risking a stack overflow on hostile input. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /**
     * @return the flattened fields of a JSON object; a top-level scalar or array is flattened under the key "value"
     * @throws MalformedJsonException with the character offset when the text is not one complete JSON value
     */
    public Map<String, String> flatten(String json) throws MalformedJsonException {
        Map<String, String> out = new OwnedFields();
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedJsonException("empty document", 0);
            }
            if (first == JsonToken.START_OBJECT) {
                readObject(parser, "", out);
            } else if (first == JsonToken.START_ARRAY) {
                readArray(parser, "value.", out);
            } else {
                out.put("value", scalar(parser, first));
            }
            if (parser.nextToken() != null) {
                throw new MalformedJsonException("unexpected text after the JSON value",
                        parser.currentTokenLocation().getCharOffset());
            }
        } catch (MalformedJsonException e) {
            throw e;
        } catch (IOException e) {
            long offset = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getCharOffset() : -1;
            throw new MalformedJsonException(firstLine(e.getMessage()), offset);
        }
        return out;
    }

    private static void readObject(JsonParser parser, String prefix, Map<String, String> out) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = prefix + parser.currentName();
            readValue(parser, parser.nextToken(), key, out);
        }
        if (token != JsonToken.END_OBJECT) {
            throw new MalformedJsonException("unterminated object", parser.currentTokenLocation().getCharOffset());
        }
    }

    private static void readArray(JsonParser parser, String prefix, Map<String, String> out) throws IOException {
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new MalformedJsonException("unterminated array", parser.currentTokenLocation().getCharOffset());
            }
            readValue(parser, token, prefix + index++, out);
        }
    }

    private static void readValue(JsonParser parser, JsonToken token, String key, Map<String, String> out)
            throws IOException {
        if (token == null) {
            throw new MalformedJsonException("truncated document", parser.currentTokenLocation().getCharOffset());
        }
        switch (token) {
            case START_OBJECT -> readObject(parser, key + ".", out);
            case START_ARRAY -> readArray(parser, key + ".", out);
            case VALUE_NULL -> { /* absent and null read the same to an analyst */ }
            default -> out.put(key, scalar(parser, token));
        }
    }

    private static String scalar(JsonParser parser, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_NULL ? null : parser.getText();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The JSON could not be read; {@link #offset()} is the character where it went wrong, or -1. */
    public static final class MalformedJsonException extends IOException {
        private final long offset;

        public MalformedJsonException(String message, long offset) {
            super(offset >= 0 ? message + " at character " + offset : message);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }
}
