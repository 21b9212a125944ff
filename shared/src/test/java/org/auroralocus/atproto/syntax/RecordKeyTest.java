package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordKeyTest {
    @Test
    void tidIsARecordKey() {
        assertEquals("3jzfcijpj2z2a", RecordKey.of(Tid.parse("3jzfcijpj2z2a")).value());
    }

    @Test
    void dotAndDoubleDotAreRejectedButThreeDotsAreNot() {
        assertThrows(SyntaxException.class, () -> RecordKey.parse("."));
        assertThrows(SyntaxException.class, () -> RecordKey.parse(".."));
        assertEquals("...", RecordKey.parse("...").value());
    }

    @Test
    void lengthIsOneTo512() {
        assertThrows(SyntaxException.class, () -> RecordKey.parse(""));
        assertTrue(RecordKey.isValid("k".repeat(512)));
        assertThrows(SyntaxException.class, () -> RecordKey.parse("k".repeat(513)));
    }

    @Test
    void percentIsReservedNotAnEscape() {
        assertThrows(SyntaxException.class, () -> RecordKey.parse("abc%20def"));
    }
}
