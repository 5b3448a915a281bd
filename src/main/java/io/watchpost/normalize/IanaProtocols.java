package io.watchpost.normalize;

/** IANA protocol numbers as the lower-case names ECS {@code network.transport} uses (6 → tcp, 17 → udp, 1 → icmp …). */
final class IanaProtocols {

    private static final String[] NAMES = new String[256];

    static {
        NAMES[0] = "hopopt";
        NAMES[1] = "icmp";
        NAMES[2] = "igmp";
        NAMES[4] = "ipv4";
        NAMES[6] = "tcp";
        NAMES[8] = "egp";
        NAMES[9] = "igp";
        NAMES[17] = "udp";
        NAMES[27] = "rdp";
        NAMES[33] = "dccp";
        NAMES[41] = "ipv6";
        NAMES[43] = "ipv6-route";
        NAMES[44] = "ipv6-frag";
        NAMES[46] = "rsvp";
        NAMES[47] = "gre";
        NAMES[50] = "esp";
        NAMES[51] = "ah";
        NAMES[58] = "ipv6-icmp";
        NAMES[59] = "ipv6-nonxt";
        NAMES[60] = "ipv6-opts";
        NAMES[88] = "eigrp";
        NAMES[89] = "ospf";
        NAMES[94] = "ipip";
        NAMES[97] = "etherip";
        NAMES[103] = "pim";
        NAMES[112] = "vrrp";
        NAMES[115] = "l2tp";
        NAMES[132] = "sctp";
        NAMES[136] = "udplite";
        NAMES[137] = "mpls-in-ip";
    }

    private IanaProtocols() {
    }

    /** The protocol's name, or the number itself when it has no common name (never null for a valid number). */
    static String name(String number) {
        int n = Texts.parseIntOr(number, 0, number.length(), -1);
        if (n < 0 || n > 255) {
            return null;
        }
        return NAMES[n] != null ? NAMES[n] : number;
    }
}
