package org.auroralocus.server.account;

import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Tid;

/**
 * Where an account stands, as checkAccountStatus reports it to someone moving their account here:
 * whether it is active, whether its DID document points here yet, and how much of the repository
 * and its blobs has arrived.
 */
public record AccountStatusReport(boolean activated, boolean validDid, Cid repoCommit, Tid repoRev, long repoBlocks,
                                  long indexedRecords, long expectedBlobs, long importedBlobs) {}
