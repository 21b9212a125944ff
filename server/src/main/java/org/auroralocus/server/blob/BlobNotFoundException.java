package org.auroralocus.server.blob;

import java.io.IOException;

/** A blob (or temporary upload) that the store was asked to move is not there. */
public final class BlobNotFoundException extends IOException {
    public BlobNotFoundException(String message) {
        super(message);
    }
}
