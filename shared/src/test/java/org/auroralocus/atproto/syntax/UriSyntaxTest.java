package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UriSyntaxTest {
    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/hosts", "mailto:a@b.c", "https://example.com/\u00fcber", "wss://x.y/xrpc?a=b",
            "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "a+b-c.d:x"})
    void acceptsAnySchemeWithContent(String raw) {
        assertTrue(UriSyntax.isValid(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://exa\tmple.com", "https://example.com/\u00a0", "https://example.com/\n", "1http://x",
            "ht tp://x", "http:", ""})
    void rejectsWhitespaceControlsAndBadSchemes(String raw) {
        assertFalse(UriSyntax.isValid(raw));
    }

    @Test
    void limitIsEightKilobytesOfUtf8() {
        String prefix = "https://example.com/";
        assertTrue(UriSyntax.isValid(prefix + "x".repeat(8192 - prefix.length())));
        assertFalse(UriSyntax.isValid(prefix + "x".repeat(8193 - prefix.length())));
        // 4096 two-byte characters: under 8192 chars, over 8192 bytes
        assertFalse(UriSyntax.isValid(prefix + "\u00fc".repeat(4096)));
    }
}
