package org.auroralocus.atproto.identity;

import java.io.IOException;

/** A response body was larger than the caller allowed; reading stopped at the limit. */
public final class ResponseTooLargeException extends IOException {
    public ResponseTooLargeException(String message) {
        super(message);
    }
}
