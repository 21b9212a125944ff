package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AtIdentifierTest {
    @Test
    void didPrefixMakesADid() {
        assertEquals(new Did("did:plc:asdf123"), AtIdentifier.parse("did:plc:asdf123"));
    }

    @Test
    void anythingElseIsAHandle() {
        assertEquals(new Handle("john.test"), AtIdentifier.parse("john.test"));
    }

    @Test
    void isExhaustiveOverDidAndHandle() {
        String kind = switch (AtIdentifier.parse("john.test")) {
            case Did d -> "did";
            case Handle h -> "handle";
        };
        assertEquals("handle", kind);
    }

    @Test
    void didShapedButInvalidIsReportedAsADid() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> AtIdentifier.parse("did:thing"));
        assertTrue(e.getMessage().startsWith("invalid DID"), e.getMessage());
    }
}
