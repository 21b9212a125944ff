package org.auroralocus.atproto.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Address classification on literal addresses: InetAddress.getByName does no DNS lookup for a literal. */
class AddressPolicyTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254",                    // loopback
            "10.0.0.1", "10.255.255.255",                      // private-use
            "172.16.0.1", "172.31.255.255",
            "192.168.0.1", "192.168.255.255",
            "169.254.169.254",                                 // link-local: the cloud metadata service
            "100.64.0.1", "100.127.255.255",                   // carrier-grade NAT
            "0.0.0.0", "0.1.2.3",                              // unspecified / "this network"
            "224.0.0.1", "239.255.255.250",                    // multicast
            "255.255.255.255", "240.0.0.1",                    // broadcast, reserved
            "192.0.2.1", "198.51.100.7", "203.0.113.9",        // documentation
            "198.18.0.1", "192.0.0.8",                         // benchmarking, IETF assignments
            "::1", "::",                                       // IPv6 loopback, unspecified
            "fc00::1", "fd12:3456:789a::1",                    // unique-local
            "fe80::1", "febf::1",                              // link-local
            "fec0::1",                                         // site-local (deprecated)
            "ff02::1", "ff0e::1",                              // multicast
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", // IPv4-mapped
            "::127.0.0.1",                                     // IPv4-compatible (deprecated)
            "64:ff9b::7f00:1", "64:ff9b::a00:1",               // NAT64 of loopback and 10.0.0.1
            "64:ff9b:1::1",                                    // local-use NAT64
            "2001:db8::1", "3fff::1",                          // documentation
            "2001::1", "2002:7f00:1::1", "100::1"})            // Teredo, 6to4, discard
    void refusesNonPublicAddress(String literal) throws UnknownHostException {
        assertFalse(AddressPolicy.PUBLIC_UNICAST.permits(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "8.8.8.8", "1.1.1.1", "93.184.215.14",
            "100.63.255.255", "100.128.0.1",                   // just outside carrier-grade NAT
            "172.15.255.255", "172.32.0.1",                    // just outside 172.16/12
            "169.253.255.255", "11.0.0.1", "126.255.255.255", "223.255.255.255",
            "2001:4860::", "2001:4860:4860::8888", "2606:4700:4700::1111", "2a00:1450:4001::1",
            "::ffff:8.8.8.8",                                  // IPv4-mapped public address
            "64:ff9b::808:808"})                               // NAT64 of 8.8.8.8, as DNS64 networks answer
    void allowsPublicAddress(String literal) throws UnknownHostException {
        assertTrue(AddressPolicy.PUBLIC_UNICAST.permits(InetAddress.getByName(literal)), literal);
    }

    @Test
    void judgesMappedAddressKeptInIpv6Form() throws UnknownHostException {
        // getByName turns ::ffff:a.b.c.d into an Inet4Address; this one stays IPv6, as from a raw lookup answer
        byte[] mappedLoopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress address = Inet6Address.getByAddress(null, mappedLoopback, -1);

        assertInstanceOf(Inet6Address.class, address);
        assertFalse(AddressPolicy.PUBLIC_UNICAST.permits(address));
    }

    @Test
    void anyPermitsLoopback() {
        assertTrue(AddressPolicy.ANY.permits(InetAddress.getLoopbackAddress()));
    }
}
