package org.auroralocus.atproto.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.auroralocus.atproto.kit.Kit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LexiconParserTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialLexicons")
    void parsesEveryOfficialLexicon(String relative) {
        Path file = Kit.lexicons().resolve(relative);
        LexiconDoc doc = LexiconParser.parse(Kit.read(file));
        assertEquals(relative.replace(".json", "").replace('/', '.'), doc.id().value());
    }

    static Stream<String> officialLexicons() throws IOException {
        Path root = Kit.lexicons();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList().stream();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Test
    void readsEveryConstraintOfAString() {
        LexiconDoc doc = LexiconParser.parse("""
                {"lexicon": 1, "id": "com.example.thing", "defs": {"main": {"type": "string", "format": "datetime",
                 "minLength": 1, "maxLength": 30, "minGraphemes": 2, "maxGraphemes": 3, "enum": ["a"], "const": "a",
                 "default": "a", "knownValues": ["b"], "description": "ignored"}}}""");
        LexString expected = LexString.plain().format(StringFormat.DATETIME).minLength(1).maxLength(30).minGraphemes(2)
                .maxGraphemes(3).enumValues("a").constValue("a").defaultValue("a").knownValues("b");
        assertEquals(expected, doc.main().orElseThrow());
    }

    @Test
    void readsARecordWithItsKeyRuleAndPropertiesInOrder() {
        LexiconDoc doc = LexiconParser.parse("""
                {"lexicon": 1, "id": "com.example.thing", "defs": {"main": {"type": "record", "key": "literal:self",
                 "record": {"type": "object", "required": ["b"], "nullable": ["a"], "properties": {
                   "b": {"type": "union", "refs": ["#x", "com.example.other"], "closed": true},
                   "a": {"type": "array", "items": {"type": "blob", "accept": ["image/*"], "maxSize": 5}, "maxLength": 2}}}},
                 "x": {"type": "object", "properties": {}}}}""");
        LexRecord record = assertInstanceOf(LexRecord.class, doc.main().orElseThrow());
        assertEquals(KeyRule.SELF, record.key());
        assertEquals(List.of("b", "a"), List.copyOf(record.record().properties().keySet()));
        assertEquals(LexObject.empty()
                .required("b", LexUnion.closed("#x", "com.example.other"))
                .optional("a", LexArray.of(LexBlob.plain().accept("image/*").maxSize(5)).maxLength(2))
                .nullable("a"), record.record());
    }

    @Test
    void readsXrpcMethodsEnoughToCompareThem() {
        LexiconDoc doc = LexiconParser.parse("""
                {"lexicon": 1, "id": "com.example.doThing", "defs": {"main": {"type": "procedure",
                 "parameters": {"type": "params", "required": ["n"], "properties": {"n": {"type": "integer", "maximum": 9}}},
                 "input": {"encoding": "application/json", "schema": {"type": "ref", "ref": "#in"}},
                 "output": {"encoding": "*/*"},
                 "errors": [{"name": "TooBusy"}]},
                 "in": {"type": "object", "properties": {}}}}""");
        LexProcedure p = assertInstanceOf(LexProcedure.class, doc.main().orElseThrow());
        assertEquals(List.of("n"), p.parameters().orElseThrow().required());
        assertEquals(new LexRef("#in"), p.input().orElseThrow().schema().orElseThrow());
        assertEquals("*/*", p.output().orElseThrow().encoding());
        assertEquals(List.of(new LexError("TooBusy")), p.errors());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // unknown string format
            "{\"main\": {\"type\": \"string\", \"format\": \"colour\"}}",
            // required property that is not defined
            "{\"main\": {\"type\": \"object\", \"required\": [\"a\"], \"properties\": {}}}",
            // object without properties
            "{\"main\": {\"type\": \"object\"}}",
            // arrays of arrays
            "{\"main\": {\"type\": \"array\", \"items\": {\"type\": \"array\", \"items\": {\"type\": \"integer\"}}}}",
            // record without key
            "{\"main\": {\"type\": \"record\", \"record\": {\"type\": \"object\", \"properties\": {}}}}",
            // record with an unknown key rule
            "{\"main\": {\"type\": \"record\", \"key\": \"uuid\", \"record\": {\"type\": \"object\", \"properties\": {}}}}",
            // a literal key that is not a record key
            "{\"main\": {\"type\": \"record\", \"key\": \"literal:\", \"record\": {\"type\": \"object\", \"properties\": {}}}}",
            // a union is not a definition
            "{\"main\": {\"type\": \"union\", \"refs\": []}}",
            // an object parameter
            "{\"main\": {\"type\": \"query\", \"parameters\": {\"type\": \"params\", \"properties\": {\"o\": {\"type\": \"unknown\"}}}}}",
            // an encoding with parameters
            "{\"main\": {\"type\": \"query\", \"output\": {\"encoding\": \"text/plain; charset=utf-8\"}}}",
            // a subscription without message
            "{\"main\": {\"type\": \"subscription\"}}",
            // a reference with two hashes
            "{\"main\": {\"type\": \"object\", \"properties\": {\"r\": {\"type\": \"ref\", \"ref\": \"#a#b\"}}}}",
            // an integer constraint that is not an integer
            "{\"main\": {\"type\": \"integer\", \"maximum\": 1.5}}",
            // an error without name
            "{\"main\": {\"type\": \"query\", \"errors\": [{\"name\": \"\"}]}}",
            // an empty definition name
            "{\"\": {\"type\": \"token\"}}",
    })
    void rejectsDocumentsThatBreakTheLanguage(String defs) {
        String json = "{\"lexicon\": 1, \"id\": \"com.example.thing\", \"defs\": " + defs + "}";
        assertThrows(InvalidLexiconException.class, () -> LexiconParser.parse(json));
    }

    @Test
    void namesThePlaceOfTheProblem() {
        InvalidLexiconException e = assertThrows(InvalidLexiconException.class, () -> LexiconParser.parse("""
                {"lexicon": 1, "id": "com.example.thing", "defs": {"main": {"type": "object", "properties": {
                  "a": {"type": "string", "maxLength": "ten"}}}}}"""));
        assertTrue(e.getMessage().startsWith("com.example.thing#main.properties.a:"), e.getMessage());
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThrows(InvalidLexiconException.class, () -> LexiconParser.parse("{\"lexicon\": 1,"));
    }
}
