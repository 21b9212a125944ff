package org.auroralocus.atproto.identity.plc;

/** Another 4xx: the directory refused the request, typically an operation that does not verify. */
public final class PlcRejectedException extends PlcClientException {
    public PlcRejectedException(int status, String message) {
        super(status, message, null);
        if (status < 400 || status >= 500 || status == 404) throw new IllegalArgumentException("not a rejection status: " + status);
    }
}
