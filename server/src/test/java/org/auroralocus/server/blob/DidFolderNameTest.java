package org.auroralocus.server.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DidFolderNameTest {
    @Test
    void aPlcDidKeepsItsReadableForm() {
        assertEquals("did_plc_ewvi7nxzyoun6zhxrhs64oiz", DidFolderName.of(Did.parse("did:plc:ewvi7nxzyoun6zhxrhs64oiz")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"did:plc:ewvi7nxzyoun6zhxrhs64oiz", "did:web:example.com", "did:web:localhost%3A2583",
            "did:web:Example.COM:user:alice", "did:example:a_b", "did:example:a.", "did:example:x-y.z"})
    void namesAreSafeOnWindowsAndReadBack(String value) {
        Did did = Did.parse(value);
        String name = DidFolderName.of(did);
        assertTrue(name.matches("[a-z0-9._%A-F-]+"), name);
        assertFalse(name.endsWith("."), name);
        assertFalse(name.contains(":"), name);
        assertEquals(Optional.of(did), DidFolderName.parse(name));
    }

    @Test
    void didsThatDifferOnlyInCaseOrInColonVersusUnderscoreGetDifferentFolders() {
        assertNotEquals(DidFolderName.of(Did.parse("did:web:a.com:X")), DidFolderName.of(Did.parse("did:web:a.com:x")));
        assertNotEquals(DidFolderName.of(Did.parse("did:example:a_b")), DidFolderName.of(Did.parse("did:example:a:b")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"temp", "did_plc_A", "did_plc_%3A", "did_plc_abc%2", "did_plc_"})
    void namesNoDidHasAreNotRead(String name) {
        assertEquals(Optional.empty(), DidFolderName.parse(name));
    }
}
