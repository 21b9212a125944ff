package org.auroralocus.atproto.identity;

import java.net.InetAddress;

/**
 * Which IP addresses an outbound request to a URL taken from user data (a handle, a did:web, a DID document's
 * service endpoint) may reach. {@link SafeHttp} applies it to every address a host resolves to, on every
 * redirect hop.
 */
@FunctionalInterface
public interface AddressPolicy {
    boolean permits(InetAddress address);

    /**
     * Only globally routable unicast addresses: refuses loopback, private (RFC 1918), carrier-grade NAT,
     * link-local, unique-local, multicast, unspecified, documentation, benchmarking and reserved ranges, IPv4
     * and IPv6 alike, and judges IPv4-mapped and NAT64 IPv6 addresses by the IPv4 address inside. Without this
     * a user could make the server fetch from its own admin ports, the cloud metadata service
     * (169.254.169.254) or the LAN.
     */
    AddressPolicy PUBLIC_UNICAST = address -> SpecialAddresses.rangeOf(address).isEmpty();

    /** Every address: for development, where handles and DIDs point at localhost on purpose. */
    AddressPolicy ANY = address -> true;
}
