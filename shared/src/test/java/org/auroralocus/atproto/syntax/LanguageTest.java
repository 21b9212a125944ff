package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {
    @Test
    void repeatedVariantIsWellFormedButNotValid() {
        assertTrue(Language.isWellFormed("de-DE-1901-1901"));
        assertFalse(Language.isValid("de-DE-1901-1901"));
        SyntaxException e = assertThrows(SyntaxException.class, () -> Language.parse("de-DE-1901-1901"));
        assertTrue(e.getMessage().contains("repeated"), e.getMessage());
    }

    @Test
    void repeatedSingletonIsWellFormedButNotValid() {
        assertTrue(Language.isWellFormed("en-a-foo-A-bar"));
        assertFalse(Language.isValid("en-a-foo-A-bar"));
    }

    @Test
    void privateUseSubtagsMayRepeat() {
        assertTrue(Language.isValid("en-x-foo-foo"));
        assertTrue(Language.isValid("x-a-a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-GB-oed", "I-DEFAULT", "sgn-CH-DE", "zh-min-nan", "no-bok", "art-lojban"})
    void grandfatheredTagsAreValid(String raw) {
        assertEquals(raw, Language.parse(raw).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "zh-yue-HK", "sr-Latn-RS", "de-CH-1996", "en-US-u-ca-gregory", "es-419"})
    void ordinaryTagsAreValid(String raw) {
        assertTrue(Language.isValid(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "en--US", "en-", "en-a", "en-a-x", "en-x", "en-US-toolongvariant", "e\u00f1"})
    void malformedTagsAreRejected(String raw) {
        assertFalse(Language.isWellFormed(raw));
    }
}
