package io.watchpost.store;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads IP address literals as numbers, so CIDR blocks become numeric ranges. Never resolves names: only text that
 * is an IPv4 dotted quad or contains ':' (an IPv6 literal, which {@link InetAddress} parses without DNS) is read.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** The IPv4 address as an unsigned 32-bit number, or -1 when the text is not exactly a dotted quad. */
    public static long ipv4(String text) {
        if (text == null) {
            return -1;
        }
        long value = 0;
        int parts = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            int octet = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
            parts++;
            if (i < n) {
                if (text.charAt(i) != '.' || parts == 4) {
                    return -1;
                }
                i++;
                if (i == n) {
                    return -1;
                }
            }
        }
        return parts == 4 ? value : -1;
    }

    /** The address (IPv4 or IPv6 literal) as an unsigned number, or null when the text is not an address. */
    public static BigInteger number(String text) {
        long v4 = ipv4(text);
        if (v4 >= 0) {
            return BigInteger.valueOf(v4);
        }
        if (text == null || text.indexOf(':') < 0 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress(); // a literal with ':' never goes to DNS
            return bytes.length == 16 ? new BigInteger(1, bytes) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** True when the text is an IPv6 literal (and not IPv4). */
    public static boolean isIpv6(String text) {
        return ipv4(text) < 0 && number(text) != null;
    }
}
