/**
 * The atproto data model and its two forms (https://atproto.com/specs/data-model):
 * {@link org.auroralocus.atproto.cbor.DataValue}, strict canonical DAG-CBOR
 * ({@link org.auroralocus.atproto.cbor.DagCbor}), the JSON representation with {@code $link},
 * {@code $bytes} and blob objects ({@link org.auroralocus.atproto.cbor.DataJson},
 * {@link org.auroralocus.atproto.cbor.BlobRef}), content identifiers
 * ({@link org.auroralocus.atproto.cbor.Cid}) and blocks looked up by CID.
 *
 * <p>Strict means one value has exactly one encoding: map keys in canonical order, minimal integer
 * and length headers, no floats, no indefinite lengths, no tags but 42. Anything else is rejected on
 * decode, because a CID is only meaningful when the bytes behind it are canonical. Lexicon schemas
 * and record validation are not here (see the {@code lexicon} package).
 */
package org.auroralocus.atproto.cbor;
