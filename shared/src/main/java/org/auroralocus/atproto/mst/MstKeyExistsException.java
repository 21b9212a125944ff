package org.auroralocus.atproto.mst;

/** {@link Mst#add} of a key the tree already holds: a create must not overwrite a record. */
public final class MstKeyExistsException extends IllegalStateException {
    private final String key;

    MstKeyExistsException(String key) {
        super("the MST already has key " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
