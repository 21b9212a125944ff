package org.auroralocus.atproto.lexicon.schema;

import static org.auroralocus.atproto.lexicon.StringFormat.DID;
import static org.auroralocus.atproto.lexicon.StringFormat.URI;
import static org.auroralocus.atproto.lexicon.schema.Schemas.array;
import static org.auroralocus.atproto.lexicon.schema.Schemas.def;
import static org.auroralocus.atproto.lexicon.schema.Schemas.doc;
import static org.auroralocus.atproto.lexicon.schema.Schemas.integer;
import static org.auroralocus.atproto.lexicon.schema.Schemas.main;
import static org.auroralocus.atproto.lexicon.schema.Schemas.object;
import static org.auroralocus.atproto.lexicon.schema.Schemas.ref;
import static org.auroralocus.atproto.lexicon.schema.Schemas.string;
import static org.auroralocus.atproto.lexicon.schema.Schemas.union;

import java.util.List;
import org.auroralocus.atproto.lexicon.LexiconDoc;

/** {@code app.bsky.richtext.facet}: mentions, links and tags over byte ranges of a text. */
final class AppBskyRichtext {
    private AppBskyRichtext() {}

    static List<LexiconDoc> documents() {
        return List.of(facet());
    }

    static LexiconDoc facet() {
        return doc("app.bsky.richtext.facet",
                main(object()
                        .required("index", ref("#byteSlice"))
                        .required("features", array(union("#mention", "#link", "#tag")))),
                def("mention", object().required("did", string(DID))),
                def("link", object().required("uri", string(URI))),
                def("tag", object().required("tag", string().maxLength(640).maxGraphemes(64))),
                // byte offsets into the UTF-8 text, not character offsets
                def("byteSlice", object()
                        .required("byteStart", integer().minimum(0))
                        .required("byteEnd", integer().minimum(0))));
    }
}
