package org.auroralocus.server.identity;

/**
 * A PLC operation this server will not sign or submit for the account; the message is the official
 * PDS's and endpoints answer it as {@code InvalidRequest}.
 */
public final class PlcOperationException extends RuntimeException {
    PlcOperationException(String message) {
        super(message, null, false, false);
    }
}
