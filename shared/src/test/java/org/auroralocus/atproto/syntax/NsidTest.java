package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NsidTest {
    @Test
    void splitsAuthorityAndName() {
        Nsid nsid = Nsid.parse("com.atproto.repo.getRecord");
        assertEquals("com.atproto.repo", nsid.authority());
        assertEquals("getRecord", nsid.name());
        assertEquals("repo.atproto.com", nsid.authorityDomain());
    }

    @Test
    void nameKeepsItsCase() {
        assertEquals("fooBarV2", Nsid.parse("com.example.fooBarV2").name());
    }

    @Test
    void overallLengthLimitIs317() {
        // four full 63-character segments: longer than the spec's 253-character authority, as the vectors allow
        String authority = "com.example." + (("a".repeat(63) + ".").repeat(4));
        String at317 = authority + "n".repeat(317 - authority.length());
        assertEquals(317, at317.length());
        assertTrue(Nsid.isValid(at317));
        assertThrows(SyntaxException.class, () -> Nsid.parse(at317 + "n"));
    }

    @Test
    void nameStartingWithADigitIsRejected() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> Nsid.parse("com.example.2fa"));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }
}
