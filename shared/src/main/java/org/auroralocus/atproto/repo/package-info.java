/**
 * atproto repositories (https://atproto.com/specs/repository): signed version-3 commits
 * ({@link org.auroralocus.atproto.repo.Commit}), the records under them
 * ({@link org.auroralocus.atproto.repo.Repository}: create, apply a batch of writes as one commit,
 * read and walk records, export as CAR), and loading and verifying a repository that came from
 * elsewhere ({@link org.auroralocus.atproto.repo.RepoLoader}, {@link org.auroralocus.atproto.repo.RepoVerifier}).
 *
 * <p>Built on the {@code mst}, {@code car}, {@code crypto} and {@code syntax} packages. Not here:
 * where blocks are stored (a {@link org.auroralocus.atproto.cbor.BlockSource} is given), how a DID's
 * signing key is found (identity), lexicon validation of records, blobs, and the firehose framing of
 * a commit (the server's sequencer), though {@link org.auroralocus.atproto.repo.CommitResult}
 * carries what it needs.
 */
package org.auroralocus.atproto.repo;
