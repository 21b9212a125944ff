package org.auroralocus.atproto.identity.plc;

import java.util.OptionalInt;

/**
 * A PLC directory request that did not succeed. The message is the directory's own
 * ({@code {"message": ...}}) when it gave one, so it can be shown as is.
 */
public abstract sealed class PlcClientException extends RuntimeException
        permits PlcNotFoundException, PlcRejectedException, PlcUnavailableException {
    private final int status;

    PlcClientException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the directory's answer; empty when there was none (network failure, timeout). */
    public OptionalInt status() {
        return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }
}
