package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.auroralocus.atproto.cbor.Cid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidSyntaxTest {
    @Test
    void acceptsTheCidsThisServerWrites() {
        assertTrue(CidSyntax.isValid(Cid.ofDagCbor(new byte[] {(byte) 0xa0}).toString()));
        assertTrue(CidSyntax.isValid(Cid.ofRaw("blob".getBytes(StandardCharsets.UTF_8)).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAXESIJ5x3Q5dGbWQ==", "cafkreia2qbswbhkhkjvdt==="})
    void paddedBasesAllowTrailingPadding(String raw) {
        assertTrue(CidSyntax.isValid(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bafyreiB", "bafyrei=abcdef", "zdj7WWeQ43G6JJvLWQWZpyHuAMq6uYWRjkBXFad11vE2LHhQ0",
            "QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR", "bafy", "f01701220zz"})
    void rejectsCharactersOutsideTheAnnouncedBaseAndCidV0(String raw) {
        assertFalse(CidSyntax.isValid(raw));
    }

    @Test
    void rejectsNull() {
        assertFalse(CidSyntax.isValid(null));
    }
}
