package org.auroralocus.atproto.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every reference a document makes (refs and union members), resolved against the document. */
final class References {
    private final String doc;
    private final List<DefName> found = new ArrayList<>();

    private References(String doc) {
        this.doc = doc;
    }

    static List<DefName> of(LexiconDoc document) {
        References refs = new References(document.id().value());
        document.defs().values().forEach(refs::def);
        return List.copyOf(refs.found);
    }

    private void def(LexDef def) {
        switch (def) {
            case LexRecord r -> field(r.record());
            case LexQuery q -> {
                q.parameters().ifPresent(this::params);
                body(q.output());
            }
            case LexProcedure p -> {
                p.parameters().ifPresent(this::params);
                body(p.input());
                body(p.output());
            }
            case LexSubscription s -> {
                s.parameters().ifPresent(this::params);
                field(s.message());
            }
            case LexField f -> field(f);
            case LexPermissionSet p -> { }
            case LexToken t -> { }
        }
    }

    private void params(LexParams params) {
        params.properties().values().forEach(this::field);
    }

    private void body(Optional<LexBody> body) {
        body.flatMap(LexBody::schema).ifPresent(this::field);
    }

    private void field(LexField field) {
        switch (field) {
            case LexRef r -> found.add(DefName.resolve(r.ref(), doc));
            case LexUnion u -> u.refs().forEach(ref -> found.add(DefName.resolve(ref, doc)));
            case LexArray a -> field(a.items());
            case LexObject o -> o.properties().values().forEach(this::field);
            case LexBoolean _, LexInteger _, LexString _, LexBytes _, LexCidLink _, LexBlob _, LexUnknown _ -> { }
        }
    }
}
