package org.auroralocus.atproto.cbor;

/** Bytes that are not canonical DAG-CBOR, or a value the atproto data model does not allow. */
public final class DagCborException extends IllegalArgumentException {
    public DagCborException(String message) {
        super(message);
    }
}
