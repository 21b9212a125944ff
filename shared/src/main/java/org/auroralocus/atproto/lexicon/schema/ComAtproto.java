package org.auroralocus.atproto.lexicon.schema;

import static org.auroralocus.atproto.lexicon.StringFormat.AT_URI;
import static org.auroralocus.atproto.lexicon.StringFormat.CID;
import static org.auroralocus.atproto.lexicon.StringFormat.LANGUAGE;
import static org.auroralocus.atproto.lexicon.schema.Schemas.array;
import static org.auroralocus.atproto.lexicon.schema.Schemas.bool;
import static org.auroralocus.atproto.lexicon.schema.Schemas.def;
import static org.auroralocus.atproto.lexicon.schema.Schemas.doc;
import static org.auroralocus.atproto.lexicon.schema.Schemas.integer;
import static org.auroralocus.atproto.lexicon.schema.Schemas.main;
import static org.auroralocus.atproto.lexicon.schema.Schemas.object;
import static org.auroralocus.atproto.lexicon.schema.Schemas.record;
import static org.auroralocus.atproto.lexicon.schema.Schemas.ref;
import static org.auroralocus.atproto.lexicon.schema.Schemas.string;

import java.util.List;
import org.auroralocus.atproto.lexicon.KeyRule;
import org.auroralocus.atproto.lexicon.LexiconDoc;

/** {@code com.atproto.*}: labels, stored lexicons, moderation vocabularies and the strong reference. */
final class ComAtproto {
    private ComAtproto() {}

    static List<LexiconDoc> documents() {
        return List.of(labelDefs(), lexiconSchema(), moderationDefs(), strongRef());
    }

    static LexiconDoc labelDefs() {
        return doc("com.atproto.label.defs",
                def("selfLabels", object().required("values", array(ref("#selfLabel")).maxLength(10))),
                def("selfLabel", object().required("val", string().maxLength(128))),
                def("labelValue", string()),
                def("labelValueDefinition", object()
                        .required("identifier", string().maxLength(100).maxGraphemes(100))
                        .required("severity", string())
                        .required("blurs", string())
                        .optional("defaultSetting", string().defaultValue("warn"))
                        .optional("adultOnly", bool())
                        .required("locales", array(ref("#labelValueDefinitionStrings")))),
                def("labelValueDefinitionStrings", object()
                        .required("lang", string(LANGUAGE))
                        .required("name", string().maxGraphemes(64).maxLength(640))
                        .required("description", string().maxGraphemes(10_000).maxLength(100_000))));
    }

    /** A lexicon published in a repository: the record is the lexicon document, keyed by its NSID. */
    static LexiconDoc lexiconSchema() {
        return doc("com.atproto.lexicon.schema", main(record(KeyRule.NSID, object()
                .required("lexicon", integer()))));
    }

    static LexiconDoc moderationDefs() {
        return doc("com.atproto.moderation.defs",
                def("reasonType", string()),
                def("subjectType", string()));
    }

    static LexiconDoc strongRef() {
        return doc("com.atproto.repo.strongRef", main(object()
                .required("uri", string(AT_URI))
                .required("cid", string(CID))));
    }
}
