package org.auroralocus.atproto.identity.plc;

/**
 * A PLC operation or log that is malformed or does not verify: wrong shape, bad signature, a
 * genesis operation that does not hash to its DID, or a {@code prev} that does not continue the log.
 * The message is fit to show to whoever submitted the operation.
 */
public final class InvalidPlcOperationException extends RuntimeException {
    public InvalidPlcOperationException(String message) {
        super(message);
    }

    public InvalidPlcOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
