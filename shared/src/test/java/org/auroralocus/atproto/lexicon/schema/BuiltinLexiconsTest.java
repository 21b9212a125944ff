package org.auroralocus.atproto.lexicon.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.lexicon.InvalidRecordException;
import org.auroralocus.atproto.lexicon.LexiconRegistry;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.junit.jupiter.api.Test;

class BuiltinLexiconsTest {
    private static final RecordKey TID_KEY = RecordKey.parse("3kznmn7xqxl22");
    private final LexiconRegistry registry = BuiltinLexicons.registry();

    @Test
    void definesEveryRecordTypeTheOfficialPdsValidates() {
        List<String> expected = List.of("app.bsky.actor.profile", "app.bsky.actor.status", "app.bsky.feed.generator",
                "app.bsky.feed.like", "app.bsky.feed.post", "app.bsky.feed.postgate", "app.bsky.feed.repost",
                "app.bsky.feed.threadgate", "app.bsky.graph.block", "app.bsky.graph.follow", "app.bsky.graph.list",
                "app.bsky.graph.listblock", "app.bsky.graph.listitem", "app.bsky.graph.starterpack",
                "app.bsky.graph.verification", "app.bsky.labeler.service", "app.bsky.notification.declaration",
                "chat.bsky.actor.declaration", "com.atproto.lexicon.schema", "com.germnetwork.declaration");
        assertEquals(expected, BuiltinLexicons.recordTypes().stream().map(Nsid::value).toList());
    }

    @Test
    void everyReferenceResolves() {
        assertEquals(List.of(), registry.unresolvedReferences());
    }

    @Test
    void acceptsAPostWithAReplyFacetsAndAnImage() {
        DataValue strongRef = DataValue.map(
                "uri", DataValue.of("at://did:plc:abc123/app.bsky.feed.post/3kznmn7xqxl22"),
                "cid", DataValue.of("bafyreiclp443lavogvhj3d2ob2cxbfuscni2k5jk7bebjzg7khl3esabwq"));
        DataValue post = DataValue.map(
                "$type", DataValue.of("app.bsky.feed.post"),
                "text", DataValue.of("hello @alice.test 👩‍👩‍👦‍👦"),
                "createdAt", DataValue.of("2024-05-06T07:08:09.123Z"),
                "langs", DataValue.list(List.of(DataValue.of("en"))),
                "reply", DataValue.map("root", strongRef, "parent", strongRef),
                "facets", DataValue.list(List.of(DataValue.map(
                        "index", DataValue.map("byteStart", DataValue.of(6), "byteEnd", DataValue.of(17)),
                        "features", DataValue.list(List.of(DataValue.map(
                                "$type", DataValue.of("app.bsky.richtext.facet#mention"),
                                "did", DataValue.of("did:plc:abc123"))))))),
                "embed", DataValue.map(
                        "$type", DataValue.of("app.bsky.embed.images"),
                        "images", DataValue.list(List.of(DataValue.map(
                                "image", DataValue.map("$type", DataValue.of("blob"),
                                        "ref", DataValue.of(Cid.ofRaw(new byte[] {1})),
                                        "mimeType", DataValue.of("image/jpeg"),
                                        "size", DataValue.of(1234)),
                                "alt", DataValue.of("a cat"))))));
        assertDoesNotThrow(() -> registry.validateRecord(Nsid.parse("app.bsky.feed.post"), TID_KEY, post, LexiconRegistry.RECORD_ROOT));
    }

    @Test
    void refusesAPostWithAnInvalidCreatedAtWhereTheOfficialPdsDoes() {
        DataValue post = DataValue.map("$type", DataValue.of("app.bsky.feed.post"),
                "text", DataValue.of("hi"), "createdAt", DataValue.of("2024-05-06 07:08:09"));
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () ->
                registry.validateRecord(Nsid.parse("app.bsky.feed.post"), TID_KEY, post, LexiconRegistry.RECORD_ROOT));
        assertEquals("Invalid app.bsky.feed.post record: Invalid datetime (got \"2024-05-06 07:08:09\") at $.record.createdAt",
                e.getMessage());
    }

    @Test
    void refusesAProfileUnderAKeyOtherThanSelf() {
        DataValue profile = DataValue.map("$type", DataValue.of("app.bsky.actor.profile"));
        registry.validateRecord(Nsid.parse("app.bsky.actor.profile"), RecordKey.parse("self"), profile, LexiconRegistry.RECORD_ROOT);
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () ->
                registry.validateRecord(Nsid.parse("app.bsky.actor.profile"), TID_KEY, profile, LexiconRegistry.RECORD_ROOT));
        assertTrue(e.getMessage().startsWith("Invalid record key for app.bsky.actor.profile:"), e.getMessage());
    }

    @Test
    void leavesOtherRecordTypesUnknown() {
        assertTrue(registry.recordType(Nsid.parse("site.standard.document")).isEmpty());
        assertTrue(registry.recordType(Nsid.parse("app.bsky.feed.post")).isPresent());
    }
}
