/**
 * Multibase text encodings used by the protocol: base32 (lower case, no padding, prefix {@code b})
 * for CIDs and base58btc (prefix {@code z}) for did:key multikeys. A leaf package: it depends on
 * nothing else in the project, so both {@code cbor} and {@code crypto} can use it.
 */
package org.auroralocus.atproto.multibase;
