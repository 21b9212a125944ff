package org.auroralocus.atproto.identity;

/**
 * DID resolution failed for a reason other than "this DID does not exist" (which is an empty result). The
 * {@link Reason} keeps apart what the spec asks implementations to keep apart
 * (https://atproto.com/specs/did#usage-and-implementation-guidelines), and lets the XRPC layer choose an error
 * name ({@code DidDeactivated}, ...).
 */
public final class IdentityException extends RuntimeException {
    public enum Reason {
        /** A method atproto does not support (not plc or web), or a path-based did:web. */
        UNSUPPORTED_METHOD,
        /** Valid generic DID syntax that cannot be a real DID of its method (bad did:plc id, bad did:web host). */
        INVALID_DID,
        /** The DID existed but is deactivated or tombstoned (HTTP 410 from the directory or host). */
        DEACTIVATED,
        /** A document came back but is unusable: not a DID document, another DID's, or too large. */
        BAD_DOCUMENT,
        /** The directory or host could not be asked: network failure, timeout, refused address, error status. */
        UNAVAILABLE
    }

    private final Reason reason;

    public IdentityException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public IdentityException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
