package org.auroralocus.atproto.lexicon.schema;

import static org.auroralocus.atproto.lexicon.StringFormat.AT_URI;
import static org.auroralocus.atproto.lexicon.StringFormat.DATETIME;
import static org.auroralocus.atproto.lexicon.StringFormat.DID;
import static org.auroralocus.atproto.lexicon.StringFormat.LANGUAGE;
import static org.auroralocus.atproto.lexicon.schema.Schemas.array;
import static org.auroralocus.atproto.lexicon.schema.Schemas.avatarImage;
import static org.auroralocus.atproto.lexicon.schema.Schemas.bool;
import static org.auroralocus.atproto.lexicon.schema.Schemas.def;
import static org.auroralocus.atproto.lexicon.schema.Schemas.doc;
import static org.auroralocus.atproto.lexicon.schema.Schemas.integer;
import static org.auroralocus.atproto.lexicon.schema.Schemas.main;
import static org.auroralocus.atproto.lexicon.schema.Schemas.object;
import static org.auroralocus.atproto.lexicon.schema.Schemas.record;
import static org.auroralocus.atproto.lexicon.schema.Schemas.ref;
import static org.auroralocus.atproto.lexicon.schema.Schemas.selfLabels;
import static org.auroralocus.atproto.lexicon.schema.Schemas.strongRef;
import static org.auroralocus.atproto.lexicon.schema.Schemas.string;
import static org.auroralocus.atproto.lexicon.schema.Schemas.union;

import java.util.List;
import org.auroralocus.atproto.lexicon.KeyRule;
import org.auroralocus.atproto.lexicon.LexiconDoc;

/** {@code app.bsky.feed.*}: posts and the records about them (likes, reposts, gates, feed generators). */
final class AppBskyFeed {
    private AppBskyFeed() {}

    static List<LexiconDoc> documents() {
        return List.of(generator(), like(), post(), postgate(), repost(), threadgate());
    }

    static LexiconDoc generator() {
        return doc("app.bsky.feed.generator", main(record(KeyRule.ANY, object()
                .required("did", string(DID))
                .required("displayName", string().maxGraphemes(24).maxLength(240))
                .optional("description", string().maxGraphemes(300).maxLength(3000))
                .optional("descriptionFacets", array(ref("app.bsky.richtext.facet")))
                .optional("avatar", avatarImage())
                .optional("acceptsInteractions", bool())
                .optional("labels", selfLabels())
                .optional("contentMode", string())
                .required("createdAt", string(DATETIME)))));
    }

    static LexiconDoc like() {
        return doc("app.bsky.feed.like", main(record(KeyRule.TID, object()
                .required("subject", strongRef())
                .required("createdAt", string(DATETIME))
                .optional("via", strongRef()))));
    }

    static LexiconDoc post() {
        return doc("app.bsky.feed.post",
                main(record(KeyRule.TID, object()
                        .required("text", string().maxLength(3000).maxGraphemes(300))
                        .optional("entities", array(ref("#entity")))
                        .optional("facets", array(ref("app.bsky.richtext.facet")))
                        .optional("reply", ref("#replyRef"))
                        .optional("embed", union("app.bsky.embed.images", "app.bsky.embed.video", "app.bsky.embed.gallery",
                                "app.bsky.embed.external", "app.bsky.embed.record", "app.bsky.embed.recordWithMedia"))
                        .optional("langs", array(string(LANGUAGE)).maxLength(3))
                        .optional("labels", selfLabels())
                        .optional("tags", array(string().maxLength(640).maxGraphemes(64)).maxLength(8))
                        .required("createdAt", string(DATETIME)))),
                def("replyRef", object()
                        .required("root", strongRef())
                        .required("parent", strongRef())),
                // deprecated in favour of facets, still accepted
                def("entity", object()
                        .required("index", ref("#textSlice"))
                        .required("type", string())
                        .required("value", string())),
                def("textSlice", object()
                        .required("start", integer().minimum(0))
                        .required("end", integer().minimum(0))));
    }

    static LexiconDoc postgate() {
        return doc("app.bsky.feed.postgate",
                main(record(KeyRule.TID, object()
                        .required("createdAt", string(DATETIME))
                        .required("post", string(AT_URI))
                        .optional("detachedEmbeddingUris", array(string(AT_URI)).maxLength(50))
                        .optional("embeddingRules", array(union("#disableRule")).maxLength(5)))),
                def("disableRule", object()));
    }

    static LexiconDoc repost() {
        return doc("app.bsky.feed.repost", main(record(KeyRule.TID, object()
                .required("subject", strongRef())
                .required("createdAt", string(DATETIME))
                .optional("via", strongRef()))));
    }

    static LexiconDoc threadgate() {
        return doc("app.bsky.feed.threadgate",
                main(record(KeyRule.TID, object()
                        .required("post", string(AT_URI))
                        .optional("allow", array(union("#mentionRule", "#followerRule", "#followingRule", "#listRule")).maxLength(5))
                        .required("createdAt", string(DATETIME))
                        .optional("hiddenReplies", array(string(AT_URI)).maxLength(300)))),
                def("mentionRule", object()),
                def("followerRule", object()),
                def("followingRule", object()),
                def("listRule", object().required("list", string(AT_URI))));
    }
}
