package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandleTest {
    @Test
    void normalizedIsLowerCase() {
        assertEquals(new Handle("blueskyweb.xyz"), Handle.parse("BlueskyWeb.xyz").normalized());
        assertEquals(new Handle("xx.lcs.mit.edu"), Handle.parse("XX.LCS.MIT.EDU").normalized());
    }

    @Test
    void keepsTheCaseItWasWrittenIn() {
        Handle mixed = Handle.parse("BlueskyWeb.xyz");
        assertEquals("BlueskyWeb.xyz", mixed.toString());
        assertNotEquals(mixed, mixed.normalized());
    }

    @Test
    void normalizedOfALowerCaseHandleIsItself() {
        Handle lower = Handle.parse("jay.bsky.social");
        assertSame(lower, lower.normalized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop.local", "blah.arpa", "handle.invalid", "my.example", "a.localhost",
            "svc.internal", "expyuzz4wqqyqhjn.onion", "x.alt", "LAPTOP.LOCAL"})
    void disallowedTldIsValidSyntaxButNotAllowed(String raw) {
        Handle handle = Handle.parse(raw);
        assertFalse(handle.hasAllowedTld());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jay.bsky.social", "john.test", "a.co", "local.com", "arpa.org"})
    void ordinaryTldIsAllowed(String raw) {
        assertTrue(Handle.parse(raw).hasAllowedTld());
    }

    @Test
    void theInvalidMarkerIsAHandleThatIsNeverAllowed() {
        assertEquals("handle.invalid", Handle.INVALID.value());
        assertFalse(Handle.INVALID.hasAllowedTld());
    }

    @Test
    void lengthLimitIs253() {
        String label = "a".repeat(63);
        String at253 = label + "." + label + "." + label + "." + "b".repeat(61);
        assertEquals(253, at253.length());
        assertTrue(Handle.isValid(at253));
        assertThrows(SyntaxException.class, () -> Handle.parse(at253 + "b"));
    }

    @Test
    void numericTldIsRejectedWithAReason() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> Handle.parse("127.0.0.1"));
        assertTrue(e.getMessage().contains("TLD"), e.getMessage());
    }
}
