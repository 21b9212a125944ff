package org.auroralocus.atproto.crypto;

/** Text or bytes that are not a key atproto accepts: wrong encoding, unknown key type, bad length, off the curve. */
public final class KeyFormatException extends IllegalArgumentException {
    public KeyFormatException(String message) {
        super(message);
    }

    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
