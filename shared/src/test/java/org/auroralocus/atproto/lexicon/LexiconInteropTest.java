package org.auroralocus.atproto.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.kit.Kit;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The kit's lexicon vectors: document parsing, and record validation against the kit's catalog. */
class LexiconInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Nsid RECORD_TYPE = Nsid.parse("example.lexicon.record");

    @ParameterizedTest(name = "{0}")
    @MethodSource("validLexicons")
    void acceptsValidLexiconDocument(String name, JsonNode lexicon) {
        LexiconDoc doc = LexiconParser.parse(lexicon);
        assertEquals(lexicon.get("id").textValue(), doc.id().value());
        assertEquals(lexicon.get("defs").size(), doc.defs().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLexicons")
    void rejectsInvalidLexiconDocument(String name, JsonNode lexicon) {
        assertThrows(InvalidLexiconException.class, () -> LexiconParser.parse(lexicon));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validRecords")
    void acceptsValidRecord(String name, String rkey, JsonNode data) {
        catalog().validateRecord(RECORD_TYPE, RecordKey.parse(rkey), DataJson.fromTree(data), LexiconRegistry.RECORD_ROOT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRecords")
    void rejectsInvalidRecord(String name, String rkey, JsonNode data) {
        assertThrows(InvalidRecordException.class,
                () -> catalog().validateRecord(RECORD_TYPE, RecordKey.parse(rkey), DataJson.fromTree(data), LexiconRegistry.RECORD_ROOT));
    }

    static Stream<Arguments> validLexicons() {
        return lexicons("lexicon/lexicon-valid.json");
    }

    static Stream<Arguments> invalidLexicons() {
        return lexicons("lexicon/lexicon-invalid.json");
    }

    static Stream<Arguments> validRecords() {
        return records("lexicon/record-data-valid.json");
    }

    static Stream<Arguments> invalidRecords() {
        return records("lexicon/record-data-invalid.json");
    }

    /** The five documents of the kit's catalog, loaded together as the kit asks. */
    static LexiconRegistry catalog() {
        try (Stream<Path> files = Files.list(Kit.vectors("lexicon/catalog"))) {
            List<LexiconDoc> docs = new ArrayList<>();
            for (Path file : files.sorted().toList()) docs.add(LexiconParser.parse(Kit.read(file)));
            return LexiconRegistry.of(docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Arguments> lexicons(String file) {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode entry : read(file)) cases.add(Arguments.of(entry.get("name").textValue(), entry.get("lexicon")));
        return cases.stream();
    }

    private static Stream<Arguments> records(String file) {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode entry : read(file)) {
            cases.add(Arguments.of(entry.get("name").textValue(), entry.get("rkey").textValue(), entry.get("data")));
        }
        return cases.stream();
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(Kit.read(Kit.vectors(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
