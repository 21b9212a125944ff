package org.auroralocus.atproto.lexicon.schema;

import static org.auroralocus.atproto.lexicon.StringFormat.URI;
import static org.auroralocus.atproto.lexicon.schema.Schemas.array;
import static org.auroralocus.atproto.lexicon.schema.Schemas.bytes;
import static org.auroralocus.atproto.lexicon.schema.Schemas.def;
import static org.auroralocus.atproto.lexicon.schema.Schemas.doc;
import static org.auroralocus.atproto.lexicon.schema.Schemas.main;
import static org.auroralocus.atproto.lexicon.schema.Schemas.object;
import static org.auroralocus.atproto.lexicon.schema.Schemas.record;
import static org.auroralocus.atproto.lexicon.schema.Schemas.ref;
import static org.auroralocus.atproto.lexicon.schema.Schemas.string;

import java.util.List;
import org.auroralocus.atproto.lexicon.KeyRule;
import org.auroralocus.atproto.lexicon.LexiconDoc;

/** {@code com.germnetwork.declaration}: an account's Germ Network (end-to-end messaging) keys. */
final class ComGermnetwork {
    private ComGermnetwork() {}

    static List<LexiconDoc> documents() {
        return List.of(declaration());
    }

    static LexiconDoc declaration() {
        return doc("com.germnetwork.declaration",
                main(record(KeyRule.SELF, object()
                        .required("version", string().minLength(5).maxLength(14))
                        .required("currentKey", bytes())
                        .optional("messageMe", ref("#messageMe"))
                        .optional("keyPackage", bytes())
                        .optional("continuityProofs", array(bytes()).maxLength(1000)))),
                def("messageMe", object()
                        .required("messageMeUrl", string(URI).minLength(1).maxLength(2047))
                        .required("showButtonTo", string().minLength(1).maxLength(100))));
    }
}
