package org.auroralocus.server.xrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XrpcQueryStringTest {
    @Test
    void aPercentThatStartsNoEscapeIsKeptAsItIs() {
        assertEquals(Map.of("cursor", List.of("%%%")), XrpcQueryString.parse("cursor=%%%"));
        assertEquals("50%", XrpcQueryString.decode("50%"));
        assertEquals("%4", XrpcQueryString.decode("%4"));
        assertEquals("%zz!", XrpcQueryString.decode("%zz%21"));
    }

    @Test
    void escapesArePercentEncodedUtf8AndPlusIsASpace() {
        assertEquals("café au lait", XrpcQueryString.decode("caf%C3%A9+au%20lait"));
        assertEquals("did:plc:abc", XrpcQueryString.decode("did%3Aplc%3Aabc"));
    }

    @Test
    void repeatedNamesMakeListsAndEmptyPartsAreSkipped() {
        assertEquals(Map.of("uris", List.of("a", "b"), "flag", List.of("")), XrpcQueryString.parse("uris=a&&uris=b&flag"));
        assertEquals(Map.of(), XrpcQueryString.parse(""));
    }
}
