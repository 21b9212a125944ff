package org.auroralocus.atproto.lexicon.schema;

import static org.auroralocus.atproto.lexicon.StringFormat.LANGUAGE;
import static org.auroralocus.atproto.lexicon.StringFormat.URI;
import static org.auroralocus.atproto.lexicon.schema.Schemas.array;
import static org.auroralocus.atproto.lexicon.schema.Schemas.blob;
import static org.auroralocus.atproto.lexicon.schema.Schemas.def;
import static org.auroralocus.atproto.lexicon.schema.Schemas.doc;
import static org.auroralocus.atproto.lexicon.schema.Schemas.integer;
import static org.auroralocus.atproto.lexicon.schema.Schemas.main;
import static org.auroralocus.atproto.lexicon.schema.Schemas.object;
import static org.auroralocus.atproto.lexicon.schema.Schemas.ref;
import static org.auroralocus.atproto.lexicon.schema.Schemas.strongRef;
import static org.auroralocus.atproto.lexicon.schema.Schemas.string;
import static org.auroralocus.atproto.lexicon.schema.Schemas.union;

import java.util.List;
import org.auroralocus.atproto.lexicon.LexRef;
import org.auroralocus.atproto.lexicon.LexiconDoc;

/** {@code app.bsky.embed.*}: what a post (or a status) may embed. */
final class AppBskyEmbed {
    private AppBskyEmbed() {}

    static List<LexiconDoc> documents() {
        return List.of(defs(), external(), gallery(), images(), record(), recordWithMedia(), video());
    }

    static LexiconDoc defs() {
        return doc("app.bsky.embed.defs", def("aspectRatio", object()
                .required("width", integer().minimum(1))
                .required("height", integer().minimum(1))));
    }

    static LexiconDoc external() {
        return doc("app.bsky.embed.external",
                main(object().required("external", ref("#external"))),
                def("external", object()
                        .required("uri", string(URI))
                        .required("title", string())
                        .required("description", string())
                        .optional("thumb", blob("image/*").maxSize(1_000_000))
                        .optional("associatedRefs", array(strongRef()))));
    }

    static LexiconDoc gallery() {
        return doc("app.bsky.embed.gallery",
                main(object().required("items", array(union("#image")).maxLength(20))),
                def("image", object()
                        .required("image", blob("image/*").maxSize(2_000_000))
                        .required("alt", string())
                        .required("aspectRatio", aspectRatio())));
    }

    static LexiconDoc images() {
        return doc("app.bsky.embed.images",
                main(object().required("images", array(ref("#image")).maxLength(4))),
                def("image", object()
                        .required("image", blob("image/*").maxSize(2_000_000))
                        .required("alt", string())
                        .optional("aspectRatio", aspectRatio())));
    }

    static LexiconDoc record() {
        return doc("app.bsky.embed.record", main(object().required("record", strongRef())));
    }

    static LexiconDoc recordWithMedia() {
        return doc("app.bsky.embed.recordWithMedia", main(object()
                .required("record", ref("app.bsky.embed.record"))
                .required("media", union("app.bsky.embed.images", "app.bsky.embed.video",
                        "app.bsky.embed.gallery", "app.bsky.embed.external"))));
    }

    static LexiconDoc video() {
        return doc("app.bsky.embed.video",
                main(object()
                        .required("video", blob("video/mp4").maxSize(300_000_000))
                        .optional("captions", array(ref("#caption")).maxLength(20))
                        .optional("alt", string())
                        .optional("aspectRatio", aspectRatio())
                        .optional("presentation", string())),
                def("caption", object()
                        .required("lang", string(LANGUAGE))
                        .required("file", blob("text/vtt").maxSize(20_000))));
    }

    private static LexRef aspectRatio() {
        return ref("app.bsky.embed.defs#aspectRatio");
    }
}
