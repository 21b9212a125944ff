package org.auroralocus.atproto.identity.plc;

/** No usable answer: unreachable, timed out, a 5xx, or an answer that is not what the protocol says. */
public final class PlcUnavailableException extends PlcClientException {
    public PlcUnavailableException(String message, Throwable cause) {
        super(0, message, cause);
    }

    public PlcUnavailableException(int status, String message) {
        super(status, message, null);
    }
}
