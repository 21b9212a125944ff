package org.auroralocus.atproto.lexicon;

import org.auroralocus.atproto.syntax.Nsid;

/**
 * The full name of a definition: the NSID of its document and its name under {@code defs}.
 * References are written {@code #name} (same document), {@code nsid#name}, or {@code nsid}
 * (meaning {@code nsid#main}). Resolved on every validation step, so it holds the NSID as a
 * string and does not re-check it: references are checked once, when the schema is built.
 */
record DefName(String nsid, String name) {

    /** The definition a reference written in the document {@code base} points at. */
    static DefName resolve(String ref, String base) {
        int hash = ref.indexOf('#');
        if (hash < 0) return new DefName(ref, "main");
        return new DefName(hash == 0 ? base : ref.substring(0, hash), ref.substring(hash + 1));
    }

    static DefName main(Nsid nsid) {
        return new DefName(nsid.value(), "main");
    }

    /** Whether {@code ref} is written as a reference may be, whatever document it sits in. */
    static boolean isWellFormed(String ref) {
        int hash = ref.indexOf('#');
        if (hash < 0) return Nsid.isValid(ref);
        String name = ref.substring(hash + 1);
        if (name.isEmpty() || name.indexOf('#') >= 0) return false;
        return hash == 0 || Nsid.isValid(ref.substring(0, hash));
    }

    /** The {@code $type} that values of this definition carry: the bare NSID for {@code main}. */
    String typeName() {
        return name.equals("main") ? nsid : nsid + "#" + name;
    }

    @Override public String toString() {
        return nsid + "#" + name;
    }
}
