package org.auroralocus.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceAudienceTest {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"did:plc:ewvi7nxzyoun6zhxrhs64oiz", "did:web:api.bsky.app", "did:web:api.bsky.app#bsky_appview",
            "did:web:localhost%3A2583", "did:web:localhost%3a2583#atproto_pds", "did:plc:ewvi7nxzyoun6zhxrhs64oiz#a%2Fb",
            "did:web:example.com#svc:1@x/y?z"})
    void keepsAValidAudienceAsWritten(String raw) {
        assertEquals(raw, ServiceAudience.parse(raw).toString());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "#x", "api.bsky.app", "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
            "did:plc:ewvi7nxzyoun6zhxrhs64oi", "did:plc:ewvi7nxzyoun6zhxrhs64oiz1", "did:plc:EWVI7NXZYOUN6ZHXRHS64OIZ",
            "did:web:", "did:web:example.com:path", "did:web:example.com%3A443", "did:web:localhost%3A", "did:web:localhost%3A123456",
            "did:web:exa%20mple.com", "did:web:example.com#", "did:web:example.com#a#b", "did:web:example.com#a%2",
            "did:web:example.com#a%zz", "did:web:example.com#ä"})
    void refusesAnythingElse(String raw) {
        assertThrows(IllegalArgumentException.class, () -> ServiceAudience.parse(raw));
    }

    @Test
    void splitsTheDidFromTheServiceId() {
        assertEquals(new ServiceAudience(Did.parse("did:web:api.bsky.app"), Optional.of("bsky_appview")),
                ServiceAudience.parse("did:web:api.bsky.app#bsky_appview"));
    }
}
