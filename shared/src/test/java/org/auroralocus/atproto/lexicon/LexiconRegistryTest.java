package org.auroralocus.atproto.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.SequencedMap;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.cbor.DataValue.MapValue;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.junit.jupiter.api.Test;

class LexiconRegistryTest {
    private static final String POST = "com.example.post";
    private static final RecordKey KEY = RecordKey.parse("abc");
    private static final DataValue LINK = DataValue.of(Cid.ofRaw(new byte[] {1, 2, 3}));

    private final LexiconRegistry registry = LexiconRegistry.of(List.of(
            doc(POST,
                    "main", new LexRecord(KeyRule.ANY, LexObject.empty()
                            .required("text", LexString.plain().maxLength(12).maxGraphemes(3))
                            .optional("tags", LexArray.of(LexString.plain().minLength(2)).maxLength(3))
                            .optional("embed", LexUnion.closed("#image", "com.example.quote"))
                            .optional("extra", LexUnion.open("#image"))
                            .optional("reply", new LexRef("#replyRef"))
                            .optional("cid-link", new LexCidLink())
                            .optional("note", LexString.plain())
                            .optional("avatar", LexBlob.plain().accept("image/*").maxSize(5))
                            .optional("meta", new LexUnknown())
                            .optional("count", LexInteger.plain().minimum(1).maximum(9))
                            .optional("mood", LexString.plain().enumValues("calm", "loud"))
                            .optional("answer", LexInteger.plain().constValue(42))
                            .optional("kind", new LexRef("#kindToken"))
                            .nullable("note")),
                    "image", LexObject.empty().required("alt", LexString.plain()),
                    "replyRef", LexObject.empty().required("root", LexString.plain()),
                    "kindToken", new LexToken()),
            doc("com.example.quote", "main", LexObject.empty().required("uri", LexString.plain())),
            doc("com.example.profile", "main", new LexRecord(KeyRule.SELF, LexObject.empty())),
            doc("com.example.like", "main", new LexRecord(KeyRule.TID, LexObject.empty()
                    .required("createdAt", LexString.plain().format(StringFormat.DATETIME))))));

    @Test
    void acceptsARecordThatFitsItsSchema() {
        registry.validateRecord(nsid(POST), KEY, post("text", text("hi"),
                "tags", DataValue.list(List.of(text("ab"))),
                "embed", DataValue.map("$type", text("com.example.quote"), "uri", text("x")),
                "extra", DataValue.map("$type", text("org.other.thing"), "anything", DataValue.of(1)),
                "reply", DataValue.map("root", text("r")),
                "cid-link", LINK,
                "note", DataValue.ofNull(),
                "avatar", blob("image/png", 5),
                "meta", DataValue.map("$type", text("org.other.thing")),
                "count", DataValue.of(9),
                "mood", text("calm"),
                "answer", DataValue.of(42),
                "kind", text(POST + "#kindToken")), LexiconRegistry.RECORD_ROOT);
    }

    @Test
    void reportsAMissingRequiredPropertyAtTheObject() {
        assertRecordRejected("Invalid com.example.post record: Missing required key \"text\" at $.record",
                DataValue.map("$type", text(POST)));
    }

    @Test
    void reportsAWrongTypeWithWhatItGot() {
        assertRecordRejected("Invalid com.example.post record: Expected string value type (got 2) at $.record.text",
                post("text", DataValue.of(2)));
    }

    @Test
    void countsEmojiJoinedWithZeroWidthJoinersAsOneGrapheme() {
        String family = "👩‍👩‍👦‍👦"; // four people joined by three ZWJs: 11 UTF-16 units, 25 UTF-8 bytes
        LexiconRegistry graphemesOnly = LexiconRegistry.of(List.of(doc(POST,
                "main", new LexRecord(KeyRule.ANY, LexObject.empty().required("text", LexString.plain().maxGraphemes(3))))));
        graphemesOnly.validateRecord(nsid(POST), KEY, post("text", text(family.repeat(3))), LexiconRegistry.RECORD_ROOT);
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () ->
                graphemesOnly.validateRecord(nsid(POST), KEY, post("text", text(family.repeat(4))), LexiconRegistry.RECORD_ROOT));
        assertTrue(e.getMessage().endsWith("grapheme too big (maximum 3, got 4) at $.record.text"), e.getMessage());
    }

    @Test
    void limitsLengthInUtf8Bytes() {
        assertRecordRejected("Invalid com.example.post record: string too big (maximum 12, got 14) at $.record.text",
                post("text", text("ééééééé")));
    }

    @Test
    void namesTheIndexOfABadArrayItem() {
        assertRecordRejected("Invalid com.example.post record: string too small (minimum 2, got 1) at $.record.tags[1]",
                post("text", text("hi"), "tags", DataValue.list(List.of(text("ok"), text("x")))));
    }

    @Test
    void refusesAnArrayLongerThanItsMaximum() {
        assertRecordRejected("Invalid com.example.post record: array too big (maximum 3, got 4) at $.record.tags",
                post("text", text("hi"), "tags", DataValue.list(List.of(text("aa"), text("bb"), text("cc"), text("dd")))));
    }

    @Test
    void refusesATypeOutsideAClosedUnion() {
        assertRecordRejected("Invalid com.example.post record: Expected one of \"com.example.post#image\" or "
                        + "\"com.example.quote\" (got \"com.example.other\") at $.record.embed.$type",
                post("text", text("hi"), "embed", DataValue.map("$type", text("com.example.other"))));
    }

    @Test
    void validatesAKnownMemberOfAnOpenUnion() {
        assertRecordRejected("Invalid com.example.post record: Missing required key \"alt\" at $.record.extra",
                post("text", text("hi"), "extra", DataValue.map("$type", text(POST + "#image"))));
    }

    @Test
    void refusesAUnionValueWithoutType() {
        assertRecordRejected("Invalid com.example.post record: Expected an object which includes the \"$type\" property "
                        + "value type (got {\"alt\": ...}) at $.record.extra",
                post("text", text("hi"), "extra", DataValue.map("alt", text("x"))));
    }

    @Test
    void refusesAReferencedObjectThatNamesAnotherType() {
        assertRecordRejected("Invalid com.example.post record: Expected \"com.example.post#replyRef\" (got \"x.y.z\") "
                        + "at $.record.reply.$type",
                post("text", text("hi"), "reply", DataValue.map("$type", text("x.y.z"), "root", text("r"))));
    }

    @Test
    void quotesPropertyNamesThatAreNotIdentifiers() {
        assertRecordRejected("Invalid com.example.post record: Expected cid value type (got \"bafy\") at $.record[\"cid-link\"]",
                post("text", text("hi"), "cid-link", text("bafy")));
    }

    @Test
    void refusesNullWhereThePropertyIsNotNullable() {
        assertRecordRejected("Invalid com.example.post record: Expected string value type (got null) at $.record.text",
                post("text", DataValue.ofNull()));
    }

    @Test
    void checksBlobMimeTypeAndSize() {
        assertRecordRejected("Invalid com.example.post record: Expected \"image/*\" (got \"text/plain\") at $.record.avatar.mimeType",
                post("text", text("hi"), "avatar", blob("text/plain", 1)));
        assertRecordRejected("Invalid com.example.post record: blob too big (maximum 5, got 6) at $.record.avatar",
                post("text", text("hi"), "avatar", blob("image/png", 6)));
    }

    @Test
    void refusesABlobWithExtraKeys() {
        MapValue withExtra = blob("image/png", 1).with("name", text("cat.png"));
        assertThrows(InvalidRecordException.class, () ->
                registry.validateRecord(nsid(POST), KEY, post("text", text("hi"), "avatar", withExtra), LexiconRegistry.RECORD_ROOT));
    }

    @Test
    void refusesABlobOrScalarWhereAnyObjectIsExpected() {
        assertRecordRejected("Invalid com.example.post record: Expected object value type (got false) at $.record.meta",
                post("text", text("hi"), "meta", DataValue.of(false)));
        assertThrows(InvalidRecordException.class, () ->
                registry.validateRecord(nsid(POST), KEY, post("text", text("hi"), "meta", blob("image/png", 1)), LexiconRegistry.RECORD_ROOT));
    }

    @Test
    void checksIntegerRangeEnumsAndConstants() {
        assertRecordRejected("Invalid com.example.post record: integer too small (minimum 1, got 0) at $.record.count",
                post("text", text("hi"), "count", DataValue.of(0)));
        assertRecordRejected("Invalid com.example.post record: Expected one of \"calm\" or \"loud\" (got \"sad\") at $.record.mood",
                post("text", text("hi"), "mood", text("sad")));
        assertRecordRejected("Invalid com.example.post record: Expected 42 (got 41) at $.record.answer",
                post("text", text("hi"), "answer", DataValue.of(41)));
    }

    @Test
    void acceptsOnlyTheTokenItRefersTo() {
        assertRecordRejected("Invalid com.example.post record: Expected \"com.example.post#kindToken\" (got \"other\") at $.record.kind",
                post("text", text("hi"), "kind", text("other")));
    }

    @Test
    void requiresTheRecordTypeAsDollarType() {
        assertRecordRejected("Invalid com.example.post record: Expected \"com.example.post\" (got \"com.example.like\") at $.record.$type",
                DataValue.map("$type", text("com.example.like"), "text", text("hi")));
        assertRecordRejected("Invalid com.example.post record: Expected \"com.example.post\" (got undefined) at $.record.$type",
                DataValue.map("text", text("hi")));
    }

    @Test
    void checksTheRecordKeyAgainstALiteralRule() {
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> registry.validateRecord(
                nsid("com.example.profile"), RecordKey.parse("other"), DataValue.map("$type", text("com.example.profile")), LexiconRegistry.RECORD_ROOT));
        assertEquals("Invalid record key for com.example.profile: Expected \"self\" (got \"other\") at $", e.getMessage());
    }

    @Test
    void checksTheRecordKeyAgainstATidRule() {
        MapValue like = DataValue.map("$type", text("com.example.like"), "createdAt", text("2024-01-02T03:04:05Z"));
        registry.validateRecord(nsid("com.example.like"), RecordKey.parse("3kznmn7xqxl22"), like, LexiconRegistry.RECORD_ROOT);
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> registry.validateRecord(
                nsid("com.example.like"), RecordKey.parse("self"), like, LexiconRegistry.RECORD_ROOT));
        assertEquals("Invalid record key for com.example.like: Invalid TID string (got \"self\") at $", e.getMessage());
    }

    @Test
    void reportsAStringOfTheWrongFormat() {
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> registry.validateRecord(
                nsid("com.example.like"), RecordKey.parse("3kznmn7xqxl22"),
                DataValue.map("$type", text("com.example.like"), "createdAt", text("yesterday")), LexiconRegistry.RECORD_ROOT));
        assertEquals("Invalid com.example.like record: Invalid datetime (got \"yesterday\") at $.record.createdAt", e.getMessage());
    }

    @Test
    void refusesAnUnknownRecordType() {
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () ->
                registry.validateRecord(nsid("com.example.nothing"), KEY, DataValue.map(), LexiconRegistry.RECORD_ROOT));
        assertEquals("Unknown lexicon type: com.example.nothing", e.getMessage());
    }

    @Test
    void rootsPathsWhereTheCallerSays() {
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () ->
                registry.validateRecord(nsid(POST), KEY, post("text", DataValue.of(1)), ValuePath.of("writes", 0, "value")));
        assertEquals(ValuePath.of("writes", 0, "value", "text"), e.detail().orElseThrow().path());
        assertTrue(e.getMessage().endsWith(" at $.writes[0].value.text"), e.getMessage());
    }

    @Test
    void cutsLongStringsInMessages() {
        String longText = "x".repeat(300);
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () ->
                registry.validateRecord(nsid(POST), KEY, post("text", text("hi"), "mood", text(longText)), LexiconRegistry.RECORD_ROOT));
        assertTrue(e.getMessage().contains("(got \"" + "x".repeat(255) + "…\")"), e.getMessage());
    }

    @Test
    void validatesAgainstAnyNamedDefinition() {
        registry.validate("com.example.quote", DataValue.map("uri", text("u")), ValuePath.root());
        LexiconValidationException e = assertThrows(LexiconValidationException.class, () ->
                registry.validate("com.example.post#image", DataValue.map(), ValuePath.root()));
        assertEquals("Missing required key \"alt\" at $", e.getMessage());
    }

    @Test
    void listsReferencesNoDocumentDefines() {
        LexiconRegistry dangling = LexiconRegistry.of(List.of(doc("com.example.a",
                "main", LexObject.empty().optional("b", new LexRef("com.example.b#thing")).optional("c", new LexRef("#c")))));
        assertEquals(List.of("com.example.b#thing", "com.example.a#c"), dangling.unresolvedReferences());
        assertTrue(registry.unresolvedReferences().isEmpty());
    }

    @Test
    void refusesTwoDocumentsWithOneNsid() {
        assertThrows(InvalidLexiconException.class, () -> LexiconRegistry.of(List.of(
                doc("com.example.a", "main", new LexToken()), doc("com.example.a", "other", new LexToken()))));
    }

    private void assertRecordRejected(String message, DataValue record) {
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () ->
                registry.validateRecord(nsid(POST), KEY, record));
        assertEquals(message, e.getMessage());
    }

    private static MapValue post(Object... keysAndValues) {
        return DataValue.map(keysAndValues).with("$type", text(POST));
    }

    private static MapValue blob(String mimeType, long size) {
        return DataValue.map("$type", text("blob"), "ref", LINK, "mimeType", text(mimeType), "size", DataValue.of(size));
    }

    private static Nsid nsid(String s) {
        return Nsid.parse(s);
    }

    private static DataValue text(String s) {
        return DataValue.of(s);
    }

    static LexiconDoc doc(String id, Object... namesAndDefs) {
        SequencedMap<String, LexDef> defs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDefs.length; i += 2) defs.put((String) namesAndDefs[i], (LexDef) namesAndDefs[i + 1]);
        return new LexiconDoc(nsid(id), OptionalLong.empty(), defs);
    }
}
