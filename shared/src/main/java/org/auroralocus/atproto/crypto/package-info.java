/**
 * atproto's cryptography (https://atproto.com/specs/cryptography): secp256k1 (K-256) and P-256 keys,
 * their did:key / multikey text form, and ECDSA over SHA-256 with 64-byte compact, low-S signatures.
 *
 * <p>Verification is strict by default: a high-S or DER-encoded signature is rejected even though it
 * is mathematically valid, because the protocol requires one signature per message and key.
 * {@link org.auroralocus.atproto.crypto.PublicKey#verifyLenient} exists only for inbound service-auth
 * JWTs, where the official PDS tolerates both.
 *
 * <p>Not here: JWTs (the server builds them on {@link org.auroralocus.atproto.crypto.Signer}), DID
 * documents (identity) and key storage. A leaf package: it depends on nothing else in the project
 * but the multibase encodings.
 */
package org.auroralocus.atproto.crypto;
