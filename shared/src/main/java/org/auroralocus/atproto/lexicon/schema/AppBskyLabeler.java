package org.auroralocus.atproto.lexicon.schema;

import static org.auroralocus.atproto.lexicon.StringFormat.DATETIME;
import static org.auroralocus.atproto.lexicon.StringFormat.NSID;
import static org.auroralocus.atproto.lexicon.schema.Schemas.array;
import static org.auroralocus.atproto.lexicon.schema.Schemas.def;
import static org.auroralocus.atproto.lexicon.schema.Schemas.doc;
import static org.auroralocus.atproto.lexicon.schema.Schemas.main;
import static org.auroralocus.atproto.lexicon.schema.Schemas.object;
import static org.auroralocus.atproto.lexicon.schema.Schemas.record;
import static org.auroralocus.atproto.lexicon.schema.Schemas.ref;
import static org.auroralocus.atproto.lexicon.schema.Schemas.selfLabels;
import static org.auroralocus.atproto.lexicon.schema.Schemas.string;

import java.util.List;
import org.auroralocus.atproto.lexicon.KeyRule;
import org.auroralocus.atproto.lexicon.LexiconDoc;

/** {@code app.bsky.labeler.*}: the declaration of a labeling service and its policies. */
final class AppBskyLabeler {
    private AppBskyLabeler() {}

    static List<LexiconDoc> documents() {
        return List.of(defs(), service());
    }

    static LexiconDoc defs() {
        return doc("app.bsky.labeler.defs", def("labelerPolicies", object()
                .required("labelValues", array(ref("com.atproto.label.defs#labelValue")))
                .optional("labelValueDefinitions", array(ref("com.atproto.label.defs#labelValueDefinition")))));
    }

    static LexiconDoc service() {
        return doc("app.bsky.labeler.service", main(record(KeyRule.SELF, object()
                .required("policies", ref("app.bsky.labeler.defs#labelerPolicies"))
                .optional("labels", selfLabels())
                .required("createdAt", string(DATETIME))
                .optional("reasonTypes", array(ref("com.atproto.moderation.defs#reasonType")))
                .optional("subjectTypes", array(ref("com.atproto.moderation.defs#subjectType")))
                .optional("subjectCollections", array(string(NSID))))));
    }
}
