package org.auroralocus.atproto.identity.plc;

/**
 * 404: the directory does not know the DID ({@code DID not registered: ...}) or, for the document
 * and data, the DID is tombstoned ({@code DID not available: ...}).
 */
public final class PlcNotFoundException extends PlcClientException {
    public PlcNotFoundException(String message) {
        super(404, message, null);
    }
}
