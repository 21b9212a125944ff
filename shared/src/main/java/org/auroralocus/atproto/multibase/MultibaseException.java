package org.auroralocus.atproto.multibase;

/** Text that is not valid in the multibase encoding it claims. */
public final class MultibaseException extends IllegalArgumentException {
    public MultibaseException(String message) {
        super(message);
    }
}
