package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AtUriTest {
    @Test
    void parsesAuthorityCollectionAndRecordKey() {
        AtUri uri = AtUri.parse("at://did:plc:vwzwgnygau7ed7b7wt5ux7y2/app.bsky.feed.post/3k5nobkf2w72g");
        assertEquals(new Did("did:plc:vwzwgnygau7ed7b7wt5ux7y2"), uri.authority());
        assertEquals(Optional.of(new Nsid("app.bsky.feed.post")), uri.collection());
        assertEquals(Optional.of(new RecordKey("3k5nobkf2w72g")), uri.rkey());
    }

    @Test
    void handleAuthorityIsAHandle() {
        AtUri uri = AtUri.parse("at://retr0.id/app.bsky.feed.post/3k5nobkf2w72g");
        assertInstanceOf(Handle.class, uri.authority());
    }

    @Test
    void repositoryAndCollectionUrisHaveNoRecordKey() {
        AtUri repo = AtUri.parse("at://did:plc:asdf123");
        assertEquals(Optional.empty(), repo.collection());
        assertEquals(Optional.empty(), repo.rkey());
        AtUri collection = AtUri.parse("at://did:plc:asdf123/app.bsky.feed.post");
        assertEquals(Optional.of(new Nsid("app.bsky.feed.post")), collection.collection());
        assertEquals(Optional.empty(), collection.rkey());
    }

    @Test
    void ofBuildsTheSameValueAsParse() {
        AtUri built = AtUri.of(new Did("did:plc:asdf123"), new Nsid("app.bsky.feed.like"), RecordKey.of(Tid.of(0, 0)));
        assertEquals("at://did:plc:asdf123/app.bsky.feed.like/2222222222222", built.toString());
        assertEquals(built, AtUri.parse(built.toString()));
    }

    @Test
    void toStringRoundTripsEveryForm() {
        for (String s : new String[] {"at://user.bsky.social", "at://User.Bsky.Social/com.example.fooBar",
                "at://did:abc:123/io.nsid.someFunc/...", "at://did:web:example.com/a.b.c/lang:"}) {
            assertEquals(s, AtUri.parse(s).toString());
        }
    }

    @Test
    void recordKeyWithoutCollectionCannotExist() {
        assertThrows(SyntaxException.class,
                () -> new AtUri(new Did("did:plc:asdf123"), Optional.empty(), Optional.of(new RecordKey("self"))));
    }

    @Test
    void errorNamesThePartThatFailed() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> AtUri.parse("at://did:plc:asdf123/short/stuff"));
        assertTrue(e.getMessage().contains("NSID"), e.getMessage());
        e = assertThrows(SyntaxException.class, () -> AtUri.parse("at://did:plc:asdf123/com.example.post/"));
        assertTrue(e.getMessage().contains("trailing slash"), e.getMessage());
        e = assertThrows(SyntaxException.class, () -> AtUri.parse("at://did:plc:asdf123/com.example.post/a#frag"));
        assertTrue(e.getMessage().contains("fragment"), e.getMessage());
    }

    @Test
    void longInputIsQuotedShortInTheMessage() {
        String raw = "at://did:plc:asdf123/com.atproto.feed.post/" + "o".repeat(8200);
        SyntaxException e = assertThrows(SyntaxException.class, () -> AtUri.parse(raw));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertTrue(e.getMessage().contains("(" + raw.length() + " chars)"), e.getMessage());
    }
}
