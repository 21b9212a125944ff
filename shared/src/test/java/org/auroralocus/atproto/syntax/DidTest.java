package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DidTest {
    @Test
    void plcDidHasItsMethodAndIdentifier() {
        Did did = Did.parse("did:plc:z72i7hdynmk6r22z27h6tvur");
        assertEquals("plc", did.method());
        assertEquals("z72i7hdynmk6r22z27h6tvur", did.methodSpecificId());
        assertTrue(did.isPlc());
        assertFalse(did.isWeb());
    }

    @Test
    void webDidIdentifierIsTheHostname() {
        Did did = Did.parse("did:web:localhost%3A1234");
        assertEquals("web", did.method());
        assertEquals("localhost%3A1234", did.methodSpecificId());
        assertTrue(did.isWeb());
    }

    @Test
    void identifierMayContainColons() {
        Did did = Did.parse("did:method:val:two");
        assertEquals("method", did.method());
        assertEquals("val:two", did.methodSpecificId());
        assertFalse(did.isPlc() || did.isWeb());
    }

    @Test
    void lengthLimitIs2048() {
        String prefix = "did:plc:";
        String at2048 = prefix + "a".repeat(2048 - prefix.length());
        assertTrue(Did.isValid(at2048));
        assertThrows(SyntaxException.class, () -> Did.parse(at2048 + "a"));
    }

    @Test
    void nullIsRejectedAsSyntaxNotNullPointer() {
        assertThrows(SyntaxException.class, () -> Did.parse(null));
        assertFalse(Did.isValid(null));
    }
}
