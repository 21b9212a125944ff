package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.auroralocus.atproto.kit.Kit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of every file in the kit's {@code syntax/} folder: {@code _valid} lines must parse and print back
 * unchanged; {@code _syntax_invalid} and {@code _parse_invalid} lines must be rejected by the strict parser.
 */
class SyntaxInteropTest {
    private static final String FOLDER = "syntax/";

    /** The strict parser of each kind: the value it returns prints back as its input. */
    private static final Map<String, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry("did", Did::parse),
            Map.entry("handle", Handle::parse),
            Map.entry("atidentifier", AtIdentifier::parse),
            Map.entry("nsid", Nsid::parse),
            Map.entry("aturi", AtUri::parse),
            Map.entry("recordkey", RecordKey::parse),
            Map.entry("tid", Tid::parse),
            Map.entry("datetime", Datetime::parse),
            Map.entry("language", Language::parse),
            Map.entry("cid", s -> stringCheck(s, CidSyntax::isValid)),
            Map.entry("uri", s -> stringCheck(s, UriSyntax::isValid)));

    /** The boolean form of each check, which must agree with the parser. */
    private static final Map<String, Predicate<String>> CHECKS = Map.ofEntries(
            Map.entry("did", Did::isValid),
            Map.entry("handle", Handle::isValid),
            Map.entry("atidentifier", AtIdentifier::isValid),
            Map.entry("nsid", Nsid::isValid),
            Map.entry("aturi", AtUri::isValid),
            Map.entry("recordkey", RecordKey::isValid),
            Map.entry("tid", Tid::isValid),
            Map.entry("datetime", Datetime::isValid),
            Map.entry("language", Language::isValid),
            Map.entry("cid", CidSyntax::isValid),
            Map.entry("uri", UriSyntax::isValid));

    private static Object stringCheck(String s, Predicate<String> check) {
        if (!check.test(s)) throw new SyntaxException("rejected: " + s);
        return s;
    }

    static Stream<Arguments> vectors() throws IOException {
        return files().stream().flatMap(file -> Kit.vectorLines(FOLDER + file).stream()
                .map(line -> Arguments.of(file + " " + display(line), file, line)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String name, String file, String line) {
        String kind = file.substring(0, file.indexOf('_'));
        Function<String, Object> parser = PARSERS.get(kind);
        if (file.endsWith("_valid.txt")) {
            assertEquals(line, parser.apply(line).toString(), "parses and prints back unchanged");
            assertTrue(CHECKS.get(kind).test(line), "isValid agrees with parse");
        } else {
            assertThrows(SyntaxException.class, () -> parser.apply(line));
            assertFalse(CHECKS.get(kind).test(line), "isValid agrees with parse");
        }
    }

    /** parse_invalid entries pass the grammar and fail only the semantic checks; the lexicon format needs both. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("languageParseInvalid")
    void languageParseInvalidIsStillWellFormed(String line) {
        assertTrue(Language.isWellFormed(line));
    }

    static List<String> languageParseInvalid() {
        return Kit.vectorLines(FOLDER + "language_parse_invalid.txt");
    }

    /** A new vector file in the kit must not be silently skipped. */
    @Test
    void everyKitFileHasAParser() throws IOException {
        List<String> files = files();
        assertEquals(24, files.size(), files.toString());
        for (String file : files) {
            assertTrue(file.matches("[a-z]+_(syntax_valid|syntax_invalid|parse_invalid)\\.txt"), file);
            assertTrue(PARSERS.containsKey(file.substring(0, file.indexOf('_'))), file);
        }
    }

    private static List<String> files() throws IOException {
        Path folder = Kit.vectors(FOLDER);
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".txt")).sorted().toList();
        }
    }

    /** Quoted so that leading and trailing spaces show; kilobyte-long lines cut short. */
    private static String display(String line) {
        return SyntaxException.quote(line);
    }
}
