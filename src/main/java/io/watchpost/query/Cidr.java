package io.watchpost.query;

import io.watchpost.store.IpAddresses;

import java.math.BigInteger;
import java.util.Optional;

/** A network block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}: the inclusive range of addresses it holds. */
public record Cidr(String text, boolean ipv6, BigInteger first, BigInteger last) {

    /** The block, or empty when the text is not {@code address/prefix} with a prefix that fits the address. */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            return Optional.empty();
        }
        String address = text.substring(0, slash);
        String prefixText = text.substring(slash + 1);
        if (!prefixText.chars().allMatch(Character::isDigit) || prefixText.length() > 3) {
            return Optional.empty();
        }
        BigInteger base = IpAddresses.number(address);
        if (base == null) {
            return Optional.empty();
        }
        boolean v6 = IpAddresses.ipv4(address) < 0;
        int bits = v6 ? 128 : 32;
        int prefix = Integer.parseInt(prefixText);
        if (prefix > bits) {
            return Optional.empty();
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger first = base.andNot(hostMask);
        return Optional.of(new Cidr(text, v6, first, first.or(hostMask)));
    }

    public boolean contains(String ip) {
        BigInteger n = IpAddresses.number(ip);
        return n != null && IpAddresses.isIpv6(ip) == ipv6 && n.compareTo(first) >= 0 && n.compareTo(last) <= 0;
    }
}
