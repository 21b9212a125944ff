package org.auroralocus.atproto.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StringLengthsTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "abc", "é", "€", "日本語", "😀", "👩‍👩‍👦‍👦", "🇩🇪🏳️‍🌈", "a\u0301b"})
    void countsUtf8BytesLikeTheEncoder(String s) {
        assertEquals(s.getBytes(StandardCharsets.UTF_8).length, StringLengths.utf8Length(s));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\uD83D", "x\uDE00y"})
    void countsAnUnpairedSurrogateAsTheReplacementCharacter(String s) {
        assertEquals(s.length() - 1 + 3, StringLengths.utf8Length(s));
    }

    @ParameterizedTest(name = "\"{0}\" has {1}")
    @CsvSource({
            "abc, 3",
            "👩‍👩‍👦‍👦, 1",          // family: four emoji joined by ZWJ
            "🏳️‍🌈, 1",               // rainbow flag: flag, variation selector, ZWJ, rainbow
            "🇩🇪🇫🇷, 2",               // two regional-indicator pairs
            "👍🏽, 1",                 // emoji with a skin-tone modifier
            "e\u0301, 1",            // letter with a combining accent
            "🧑‍💻a, 2",
            "'', 0",
    })
    void countsExtendedGraphemeClusters(String s, int graphemes) {
        assertEquals(graphemes, new StringLengths().graphemeCount(s));
    }
}
