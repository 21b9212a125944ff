package org.auroralocus.atproto.lexicon.schema;

import static org.auroralocus.atproto.lexicon.StringFormat.DATETIME;
import static org.auroralocus.atproto.lexicon.StringFormat.URI;
import static org.auroralocus.atproto.lexicon.schema.Schemas.avatarImage;
import static org.auroralocus.atproto.lexicon.schema.Schemas.doc;
import static org.auroralocus.atproto.lexicon.schema.Schemas.integer;
import static org.auroralocus.atproto.lexicon.schema.Schemas.main;
import static org.auroralocus.atproto.lexicon.schema.Schemas.object;
import static org.auroralocus.atproto.lexicon.schema.Schemas.record;
import static org.auroralocus.atproto.lexicon.schema.Schemas.selfLabels;
import static org.auroralocus.atproto.lexicon.schema.Schemas.strongRef;
import static org.auroralocus.atproto.lexicon.schema.Schemas.string;
import static org.auroralocus.atproto.lexicon.schema.Schemas.union;

import java.util.List;
import org.auroralocus.atproto.lexicon.KeyRule;
import org.auroralocus.atproto.lexicon.LexiconDoc;

/** {@code app.bsky.actor.*}: the profile and status records, one per account. */
final class AppBskyActor {
    private AppBskyActor() {}

    static List<LexiconDoc> documents() {
        return List.of(profile(), status());
    }

    static LexiconDoc profile() {
        return doc("app.bsky.actor.profile", main(record(KeyRule.SELF, object()
                .optional("displayName", string().maxGraphemes(64).maxLength(640))
                .optional("description", string().maxGraphemes(256).maxLength(2560))
                .optional("pronouns", string().maxGraphemes(20).maxLength(200))
                .optional("website", string(URI))
                .optional("avatar", avatarImage())
                .optional("banner", avatarImage())
                .optional("labels", selfLabels())
                .optional("joinedViaStarterPack", strongRef())
                .optional("pinnedPost", strongRef())
                .optional("createdAt", string(DATETIME)))));
    }

    static LexiconDoc status() {
        return doc("app.bsky.actor.status", main(record(KeyRule.SELF, object()
                .required("status", string())
                .optional("embed", union("app.bsky.embed.external"))
                .optional("durationMinutes", integer().minimum(1))
                .required("createdAt", string(DATETIME)))));
    }
}
