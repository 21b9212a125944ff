package org.auroralocus.atproto.mst;

/** {@link Mst#update} or {@link Mst#delete} of a key the tree does not hold. */
public final class MstKeyNotFoundException extends IllegalStateException {
    private final String key;

    MstKeyNotFoundException(String key) {
        super("the MST has no key " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
