package org.auroralocus.atproto.lexicon.schema;

import static org.auroralocus.atproto.lexicon.StringFormat.AT_URI;
import static org.auroralocus.atproto.lexicon.StringFormat.DATETIME;
import static org.auroralocus.atproto.lexicon.StringFormat.DID;
import static org.auroralocus.atproto.lexicon.StringFormat.HANDLE;
import static org.auroralocus.atproto.lexicon.schema.Schemas.array;
import static org.auroralocus.atproto.lexicon.schema.Schemas.avatarImage;
import static org.auroralocus.atproto.lexicon.schema.Schemas.def;
import static org.auroralocus.atproto.lexicon.schema.Schemas.doc;
import static org.auroralocus.atproto.lexicon.schema.Schemas.main;
import static org.auroralocus.atproto.lexicon.schema.Schemas.object;
import static org.auroralocus.atproto.lexicon.schema.Schemas.record;
import static org.auroralocus.atproto.lexicon.schema.Schemas.ref;
import static org.auroralocus.atproto.lexicon.schema.Schemas.selfLabels;
import static org.auroralocus.atproto.lexicon.schema.Schemas.strongRef;
import static org.auroralocus.atproto.lexicon.schema.Schemas.string;

import java.util.List;
import org.auroralocus.atproto.lexicon.KeyRule;
import org.auroralocus.atproto.lexicon.LexiconDoc;

/** {@code app.bsky.graph.*}: the social graph (follows, blocks, lists, starter packs, verifications). */
final class AppBskyGraph {
    private AppBskyGraph() {}

    static List<LexiconDoc> documents() {
        return List.of(block(), defs(), follow(), list(), listblock(), listitem(), starterpack(), verification());
    }

    static LexiconDoc block() {
        return doc("app.bsky.graph.block", main(record(KeyRule.TID, object()
                .required("subject", string(DID))
                .required("createdAt", string(DATETIME)))));
    }

    static LexiconDoc defs() {
        return doc("app.bsky.graph.defs", def("listPurpose", string()));
    }

    static LexiconDoc follow() {
        return doc("app.bsky.graph.follow", main(record(KeyRule.TID, object()
                .required("subject", string(DID))
                .required("createdAt", string(DATETIME))
                .optional("via", strongRef()))));
    }

    static LexiconDoc list() {
        return doc("app.bsky.graph.list", main(record(KeyRule.TID, object()
                .required("purpose", ref("app.bsky.graph.defs#listPurpose"))
                .required("name", string().maxLength(64).minLength(1))
                .optional("description", string().maxGraphemes(300).maxLength(3000))
                .optional("descriptionFacets", array(ref("app.bsky.richtext.facet")))
                .optional("avatar", avatarImage())
                .optional("labels", selfLabels())
                .required("createdAt", string(DATETIME)))));
    }

    static LexiconDoc listblock() {
        return doc("app.bsky.graph.listblock", main(record(KeyRule.TID, object()
                .required("subject", string(AT_URI))
                .required("createdAt", string(DATETIME)))));
    }

    static LexiconDoc listitem() {
        return doc("app.bsky.graph.listitem", main(record(KeyRule.TID, object()
                .required("subject", string(DID))
                .required("list", string(AT_URI))
                .required("createdAt", string(DATETIME)))));
    }

    static LexiconDoc starterpack() {
        return doc("app.bsky.graph.starterpack",
                main(record(KeyRule.TID, object()
                        .required("name", string().maxGraphemes(50).maxLength(500).minLength(1))
                        .optional("description", string().maxGraphemes(300).maxLength(3000))
                        .optional("descriptionFacets", array(ref("app.bsky.richtext.facet")))
                        .required("list", string(AT_URI))
                        .optional("feeds", array(ref("#feedItem")).maxLength(3))
                        .required("createdAt", string(DATETIME)))),
                def("feedItem", object().required("uri", string(AT_URI))));
    }

    static LexiconDoc verification() {
        return doc("app.bsky.graph.verification", main(record(KeyRule.TID, object()
                .required("subject", string(DID))
                .required("handle", string(HANDLE))
                .required("displayName", string())
                .required("createdAt", string(DATETIME)))));
    }
}
