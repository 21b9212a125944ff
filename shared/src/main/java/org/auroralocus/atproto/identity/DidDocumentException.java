package org.auroralocus.atproto.identity;

/** Text that is not a DID document atproto can use: not JSON, not an object, or fields of the wrong shape. */
public final class DidDocumentException extends IllegalArgumentException {
    public DidDocumentException(String message) {
        super(message);
    }

    public DidDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
