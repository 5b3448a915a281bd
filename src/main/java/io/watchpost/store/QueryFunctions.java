package io.watchpost.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Java functions H2 calls from filter SQL, registered by {@code V4__query_indexes.sql} as WP_FIELD, WP_NUMBER,
 * WP_IPV4 and WP_IN_CIDR. They are what SQL cannot say exactly: a key of the fields JSON, a number in text, an IP
 * address in a block. All are null-safe and never throw on odd data (a function that threw would fail the query).
 */
public final class QueryFunctions {

    private static final JsonFactory JSON = new JsonFactory();
    /** Parsed CIDR blocks by text; a filter uses a handful, evaluated once per candidate row. */
    private static final Map<String, BigInteger[]> BLOCKS = new ConcurrentHashMap<>();

    private QueryFunctions() {
    }

    /**
     * WP_FIELD(fields, key): the value of {@code key} in the flattened-fields JSON, keys compared ignoring case (an
     * exact-case key wins); null when absent or JSON null. Streams the object and stops at the key.
     */
    public static String field(String fieldsJson, String key) {
        if (fieldsJson == null || key == null) {
            return null;
        }
        String caseless = null;
        try (JsonParser p = JSON.createParser(fieldsJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                if (name.equals(key)) {
                    return value == JsonToken.VALUE_NULL ? null : p.getText();
                }
                if (caseless == null && value != JsonToken.VALUE_NULL && name.equalsIgnoreCase(key)) {
                    caseless = p.getText();
                }
            }
        } catch (IOException e) {
            return caseless; // the store writes valid JSON; a damaged row simply has no such field
        }
        return caseless;
    }

    /** WP_NUMBER(text): the text as a number, or null when it is not one (so "abc" > 5 is false, not an error). */
    public static Double number(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        char c = text.charAt(0);
        if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') {
            return null; // cheap reject before paying for an exception
        }
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** WP_IPV4(text): the IPv4 address as an unsigned number, or null; feeds the indexed column source_ip_v4. */
    public static Long ipv4(String text) {
        long v = IpAddresses.ipv4(text);
        return v < 0 ? null : v;
    }

    /** WP_IN_CIDR(address, block): whether the IPv4/IPv6 address lies in the block; null when either is unreadable. */
    public static Boolean inCidr(String address, String block) {
        if (address == null || block == null) {
            return null;
        }
        BigInteger[] range = BLOCKS.computeIfAbsent(block, QueryFunctions::range);
        BigInteger n = IpAddresses.number(address);
        if (range.length == 0 || n == null || IpAddresses.isIpv6(address) != (range[2].signum() != 0)) {
            return range.length == 0 || n == null ? null : false;
        }
        return n.compareTo(range[0]) >= 0 && n.compareTo(range[1]) <= 0;
    }

    /** {first, last, isIpv6 ? 1 : 0}, or empty when the block cannot be read. */
    private static BigInteger[] range(String block) {
        int slash = block.indexOf('/');
        if (slash <= 0) {
            return new BigInteger[0];
        }
        String address = block.substring(0, slash);
        BigInteger base = IpAddresses.number(address);
        int prefix;
        try {
            prefix = Integer.parseInt(block.substring(slash + 1));
        } catch (NumberFormatException e) {
            return new BigInteger[0];
        }
        boolean v6 = IpAddresses.ipv4(address) < 0;
        int bits = v6 ? 128 : 32;
        if (base == null || prefix < 0 || prefix > bits) {
            return new BigInteger[0];
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger first = base.andNot(hostMask);
        return new BigInteger[]{first, first.or(hostMask), v6 ? BigInteger.ONE : BigInteger.ZERO};
    }
}
