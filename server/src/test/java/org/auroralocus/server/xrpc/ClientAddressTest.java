package org.auroralocus.server.xrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void aDirectClientIsThePeer() {
        assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7", Optional.empty()));
    }

    @Test
    void aProxyOnTheSameHostOrNetworkNamesTheClient() {
        assertEquals("203.0.113.7", ClientAddress.of("127.0.0.1", Optional.of("203.0.113.7")));
        assertEquals("203.0.113.7", ClientAddress.of("10.0.0.2", Optional.of("203.0.113.7, 192.168.1.4")));
        assertEquals("2001:db8::1", ClientAddress.of("::1", Optional.of("2001:db8::1, fd00::5")));
    }

    @Test
    void aForgedLeftPartCannotHideThePublicHop() {
        assertEquals("203.0.113.7", ClientAddress.of("127.0.0.1", Optional.of("1.2.3.4, 203.0.113.7")));
    }

    @Test
    void aPublicPeerCannotClaimAnotherAddress() {
        assertEquals("198.51.100.9", ClientAddress.of("198.51.100.9", Optional.of("203.0.113.7")));
    }

    @Test
    void namesAndGarbageAreNotLookedUp() {
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", Optional.of("example.com")));
        assertEquals("203.0.113.7", ClientAddress.of("127.0.0.1", Optional.of("abc, 203.0.113.7")));
    }
}
