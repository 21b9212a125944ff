package org.auroralocus.atproto.lexicon.schema;

import static org.auroralocus.atproto.lexicon.schema.Schemas.doc;
import static org.auroralocus.atproto.lexicon.schema.Schemas.main;
import static org.auroralocus.atproto.lexicon.schema.Schemas.object;
import static org.auroralocus.atproto.lexicon.schema.Schemas.record;
import static org.auroralocus.atproto.lexicon.schema.Schemas.string;

import java.util.List;
import org.auroralocus.atproto.lexicon.KeyRule;
import org.auroralocus.atproto.lexicon.LexiconDoc;

/** {@code app.bsky.notification.*}: who may subscribe to an account's activity. */
final class AppBskyNotification {
    private AppBskyNotification() {}

    static List<LexiconDoc> documents() {
        return List.of(declaration());
    }

    static LexiconDoc declaration() {
        return doc("app.bsky.notification.declaration", main(record(KeyRule.SELF, object()
                .required("allowSubscriptions", string()))));
    }
}
