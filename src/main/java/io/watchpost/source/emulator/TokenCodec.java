package io.watchpost.source.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque paging tokens: base64url of {@code kind|field|field...}. The kind tag stops a token of one operation
 * from being replayed into another; anything that does not decode cleanly is AWS's
 * "The specified nextToken is invalid.".
 */
final class TokenCodec {

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private TokenCodec() {
    }

    static String encode(String kind, String... fields) {
        StringBuilder sb = new StringBuilder(kind);
        for (String f : fields) {
            sb.append('|').append(f);
        }
        return ENC.encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the fields after the kind tag; {@code expectedFields} guards against truncated tokens. */
    static String[] decode(String token, String kind, int expectedFields) {
        String text;
        try {
            text = new String(DEC.decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw EmulatorException.invalidToken();
        }
        String[] parts = text.split("\\|", expectedFields + 1);
        if (parts.length != expectedFields + 1 || !parts[0].equals(kind)) {
            throw EmulatorException.invalidToken();
        }
        String[] fields = new String[expectedFields];
        System.arraycopy(parts, 1, fields, 0, expectedFields);
        return fields;
    }

    static long[] decodeLongs(String token, String kind, int count) {
        String[] f = decode(token, kind, count);
        long[] out = new long[count];
        try {
            for (int i = 0; i < count; i++) {
                out[i] = Long.parseLong(f[i]);
            }
        } catch (NumberFormatException e) {
            throw EmulatorException.invalidToken();
        }
        return out;
    }

    static String encodeLongs(String kind, long... values) {
        String[] f = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = Long.toString(values[i]);
        }
        return encode(kind, f);
    }
}
