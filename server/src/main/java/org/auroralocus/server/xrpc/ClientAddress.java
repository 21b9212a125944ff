package org.auroralocus.server.xrpc;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The client's IP, as the official PDS's Express sees it with {@code trust proxy} set to loopback,
 * link-local and unique-local addresses: behind a reverse proxy on the same host or network (Caddy,
 * a load balancer) the peer is the proxy, and {@code X-Forwarded-For} names the client. The list is
 * read from the right, skipping trusted hops; a forged left part cannot hide a public hop.
 */
final class ClientAddress {
    private ClientAddress() {}

    static String of(String peer, Optional<String> forwardedFor) {
        if (forwardedFor.isEmpty() || !trusted(peer)) return peer;
        List<String> hops = List.of(forwardedFor.get().split(","));
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (literal(hop).isEmpty()) return client;
            client = hop;
            if (!trusted(hop)) return hop;
        }
        return client;
    }

    private static boolean trusted(String ip) {
        return literal(ip).map(a -> a.isLoopbackAddress() || a.isLinkLocalAddress() || uniqueLocal(a)).orElse(false);
    }

    private static boolean uniqueLocal(InetAddress a) {
        if (a instanceof Inet6Address) return (a.getAddress()[0] & 0xfe) == 0xfc;
        byte[] b = a.getAddress();
        int first = b[0] & 0xff, second = b[1] & 0xff;
        return first == 10 || first == 172 && second >= 16 && second < 32 || first == 192 && second == 168;
    }

    /** An IP literal, never a name: parsing a name would be a DNS lookup on the request path. */
    private static Optional<InetAddress> literal(String text) {
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
