package org.auroralocus.atproto.lexicon;

/**
 * The full name of a definition: the NSID of its document and its name under {@code defs}.
 * References are written {@code #name} (same document), {@code nsid#name}, or {@code nsid}
 * (meaning {@code nsid#main}).
 */
record DefName(String nsid, String name) {

    DefName {
        if (!StringFormat.NSID.matches(nsid)) throw new InvalidLexiconException("not an NSID: " + nsid);
        if (name.isEmpty() || name.indexOf('#') >= 0) throw new InvalidLexiconException("invalid definition name: " + name);
    }

    /** The definition a reference written in the document {@code baseNsid} points at. */
    static DefName resolve(String ref, String baseNsid) {
        int hash = ref.indexOf('#');
        if (hash < 0) return new DefName(ref, "main");
        return new DefName(hash == 0 ? baseNsid : ref.substring(0, hash), ref.substring(hash + 1));
    }

    /** Whether {@code ref} is written as a reference may be, whatever document it sits in. */
    static boolean isWellFormed(String ref) {
        int hash = ref.indexOf('#');
        if (hash < 0) return StringFormat.NSID.matches(ref);
        String name = ref.substring(hash + 1);
        if (name.isEmpty() || name.indexOf('#') >= 0) return false;
        return hash == 0 || StringFormat.NSID.matches(ref.substring(0, hash));
    }

    /** The {@code $type} that values of this definition carry: the bare NSID for {@code main}. */
    String typeName() {
        return name.equals("main") ? nsid : nsid + "#" + name;
    }

    @Override public String toString() {
        return nsid + "#" + name;
    }
}
