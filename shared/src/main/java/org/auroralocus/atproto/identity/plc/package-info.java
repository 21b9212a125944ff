/**
 * did:plc (https://github.com/did-method-plc/did-method-plc, spec v0.3): operations, their signatures,
 * the DID a genesis operation names, the state an operation log ends in, and a client for a PLC
 * directory such as https://plc.directory.
 *
 * <p>An operation is a {@link org.auroralocus.atproto.identity.plc.PlcOp} (unsigned: a regular
 * {@code plc_operation}, a {@code plc_tombstone}, or the legacy {@code create} that old DIDs still
 * start with); {@link org.auroralocus.atproto.identity.plc.PlcOp#sign} makes a
 * {@link org.auroralocus.atproto.identity.plc.SignedPlcOp}, whose DAG-CBOR gives its CID and, for a
 * genesis operation, its DID. {@link org.auroralocus.atproto.identity.plc.PlcVerifier} checks
 * signatures and the chain of {@code prev} links the way the official directory does: strictly
 * (64-byte compact low-S signatures, canonical unpadded base64url), since a malleable signature would
 * change an operation's CID without invalidating it.
 *
 * <p>Not here: a directory's admission policy (size limits, key counts, rate limits, recovery
 * within 72 hours) — that is the embedded directory's, in the server — nor DID resolution and
 * caching (the parent identity package).
 */
package org.auroralocus.atproto.identity.plc;
