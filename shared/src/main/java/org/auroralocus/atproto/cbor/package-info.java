/**
 * The atproto data model and its binary form: {@link org.auroralocus.atproto.cbor.DataValue}, strict
 * canonical DAG-CBOR ({@link org.auroralocus.atproto.cbor.DagCbor}) and content identifiers
 * ({@link org.auroralocus.atproto.cbor.Cid}). See https://atproto.com/specs/data-model.
 *
 * <p>Strict means one value has exactly one encoding: map keys in canonical order, minimal integer
 * and length headers, no floats, no indefinite lengths, no tags but 42. Anything else is rejected on
 * decode, because a CID is only meaningful when the bytes behind it are canonical.
 */
package org.auroralocus.atproto.cbor;
