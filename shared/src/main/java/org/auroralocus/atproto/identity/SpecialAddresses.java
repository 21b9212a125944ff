package org.auroralocus.atproto.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The IANA special-purpose address ranges (RFC 6890 and its updates) that are not globally reachable unicast,
 * by name. Multicast and the reserved 240/4 block are included although they are not "special-purpose" in the
 * registry's sense: nothing this server should connect to lives there.
 */
final class SpecialAddresses {
    private record Range(byte[] prefix, int bits, String name) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) return false;
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) return false;
            int rest = bits % 8;
            if (rest == 0) return true;
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Range> RANGES = List.of(
            range("0.0.0.0", 8, "unspecified (\"this network\")"),
            range("10.0.0.0", 8, "private-use"),
            range("100.64.0.0", 10, "carrier-grade NAT"),
            range("127.0.0.0", 8, "loopback"),
            range("169.254.0.0", 16, "link-local"),
            range("172.16.0.0", 12, "private-use"),
            range("192.0.0.0", 24, "IETF protocol assignment"),
            range("192.0.2.0", 24, "documentation"),
            range("192.88.99.0", 24, "6to4 relay anycast"),
            range("192.168.0.0", 16, "private-use"),
            range("198.18.0.0", 15, "benchmarking"),
            range("198.51.100.0", 24, "documentation"),
            range("203.0.113.0", 24, "documentation"),
            range("224.0.0.0", 4, "multicast"),
            range("240.0.0.0", 4, "reserved or broadcast"),
            // IPv6. IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96) addresses never reach this list:
            // rangeOf judges the IPv4 address inside them.
            range("::", 128, "unspecified"),
            range("::1", 128, "loopback"),
            range("::", 8, "reserved (IPv4-compatible, IPv4-translated and others)"),
            range("64:ff9b:1::", 48, "local-use NAT64"),
            range("100::", 64, "discard-only"),
            range("2001::", 23, "IETF protocol assignment (Teredo, ORCHID, benchmarking)"),
            range("2001:db8::", 32, "documentation"),
            range("2002::", 16, "6to4"),
            range("3fff::", 20, "documentation"),
            range("fc00::", 7, "unique-local"),
            range("fe80::", 10, "link-local"),
            range("fec0::", 10, "site-local (deprecated)"),
            range("ff00::", 8, "multicast"));

    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private SpecialAddresses() {}

    /** The name of the special range holding the address, or empty for a globally reachable unicast address. */
    static Optional<String> rangeOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && (startsWith(bytes, MAPPED_PREFIX) || startsWith(bytes, NAT64_PREFIX))) {
            // what the packet finally reaches is the IPv4 address in the last four bytes
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        for (Range range : RANGES) {
            if (range.contains(bytes)) return Optional.of(range.name());
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Range range(String literal, int bits, String name) {
        try {
            // literals only: getByName does no lookup for them
            byte[] prefix = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && prefix.length == 4) {
                throw new IllegalStateException("IPv6 range " + literal + " was read as IPv4");
            }
            return new Range(prefix, bits, name);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad range literal " + literal, e);
        }
    }
}
