package org.auroralocus.atproto.cbor;

/** A block a structure links to is not in the source it was read from. */
public final class MissingBlockException extends IllegalStateException {
    private final transient Cid cid;

    public MissingBlockException(Cid cid) {
        super("missing block " + cid);
        this.cid = cid;
    }

    public Cid cid() {
        return cid;
    }
}
