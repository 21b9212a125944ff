/**
 * The com.atproto.sync.* endpoints a relay, AppView or another PDS uses to follow this server: whole
 * repositories and diffs as CAR files, record proofs, blocks, blobs and the list of hosted
 * repositories; one class per NSID. Public (no authentication), as in the official PDS. The
 * firehose (subscribeRepos) lives in {@code org.auroralocus.server.firehose}.
 */
package org.auroralocus.server.xrpc.com.atproto.sync;
