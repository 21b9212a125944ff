package org.auroralocus.atproto.crypto;

/**
 * Something that signs for an account or a service without its callers knowing the key type:
 * repository commits, PLC operations and JWTs sign through this.
 */
@FunctionalInterface
public interface Signer {
    /** The 64-byte compact (r then s), low-S ECDSA signature of SHA-256({@code data}). */
    byte[] sign(byte[] data);
}
