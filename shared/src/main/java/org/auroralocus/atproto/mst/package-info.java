/**
 * The Merkle Search Tree of an atproto repository (https://atproto.com/specs/repository#mst-structure):
 * the deterministic, content-addressed map from repo paths ({@code collection/rkey}) to record CIDs
 * whose root CID is a commit's {@code data}.
 *
 * <p>{@link org.auroralocus.atproto.mst.Mst} is immutable and persistent: an edit copies only the
 * nodes on the edited key's path and shares every other node, loaded lazily from a
 * {@link org.auroralocus.atproto.cbor.BlockSource}. A node is encoded and hashed at most once, when a
 * CID is first asked for. The package also computes what a commit must store and send: the diff
 * between two trees, and the proof blocks that let a relay invert a commit (sync v1.1).
 *
 * <p>Not here: records themselves, commit objects and signatures (the {@code repo} package), CAR
 * files ({@code car}), and the full repo-path syntax of NSID plus record key: keys are checked only
 * against the MST's own key rule, which the official implementations share.
 */
package org.auroralocus.atproto.mst;
