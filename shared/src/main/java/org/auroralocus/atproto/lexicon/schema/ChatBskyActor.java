package org.auroralocus.atproto.lexicon.schema;

import static org.auroralocus.atproto.lexicon.schema.Schemas.doc;
import static org.auroralocus.atproto.lexicon.schema.Schemas.main;
import static org.auroralocus.atproto.lexicon.schema.Schemas.object;
import static org.auroralocus.atproto.lexicon.schema.Schemas.record;
import static org.auroralocus.atproto.lexicon.schema.Schemas.string;

import java.util.List;
import org.auroralocus.atproto.lexicon.KeyRule;
import org.auroralocus.atproto.lexicon.LexiconDoc;

/** {@code chat.bsky.actor.declaration}: who may start a chat with an account. */
final class ChatBskyActor {
    private ChatBskyActor() {}

    static List<LexiconDoc> documents() {
        return List.of(declaration());
    }

    static LexiconDoc declaration() {
        return doc("chat.bsky.actor.declaration", main(record(KeyRule.SELF, object()
                .required("allowIncoming", string())
                .optional("allowGroupInvites", string()))));
    }
}
