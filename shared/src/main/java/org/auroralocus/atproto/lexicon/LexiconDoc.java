package org.auroralocus.atproto.lexicon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SequencedMap;
import org.auroralocus.atproto.syntax.Nsid;

/**
 * One lexicon document (https://atproto.com/specs/lexicon#lexicon-files): its NSID and its named
 * definitions. Descriptions are not kept: nothing here decides anything by them.
 */
public record LexiconDoc(Nsid id, OptionalLong revision, SequencedMap<String, LexDef> defs) {

    public LexiconDoc {
        Objects.requireNonNull(id);
        Objects.requireNonNull(revision);
        defs = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(defs));
        defs.forEach((name, def) -> {
            if (name.isEmpty()) throw new InvalidLexiconException(id + ": a definition name must not be empty");
            if (def.isPrimary() && !name.equals("main")) {
                throw new InvalidLexiconException(id + "#" + name
                        + ": Records, permission sets, procedures, queries, and subscriptions must be the main definition.");
            }
        });
    }

    public Optional<LexDef> def(String name) {
        return Optional.ofNullable(defs.get(name));
    }

    /** The {@code main} definition, which gives the document its role (a record type, a query...). */
    public Optional<LexDef> main() {
        return def("main");
    }
}
