package org.auroralocus.atproto.mst;

/**
 * Stored MST data that breaks the spec: a node that is not the canonical shape, keys out of order or
 * at the wrong height, a block whose bytes do not match its CID, or a proof that lacks a block.
 * Repositories are untrusted input, so every node is checked as it is loaded.
 */
public final class InvalidMstException extends IllegalStateException {
    InvalidMstException(String message) {
        super(message);
    }

    InvalidMstException(String message, Throwable cause) {
        super(message, cause);
    }
}
