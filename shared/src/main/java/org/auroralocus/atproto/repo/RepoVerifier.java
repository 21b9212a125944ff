package org.auroralocus.atproto.repo;

import java.util.Iterator;
import org.auroralocus.atproto.cbor.MissingBlockException;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.mst.InvalidMstException;
import org.auroralocus.atproto.mst.MstEntry;
import org.auroralocus.atproto.syntax.Did;

/**
 * Checks a repository from someone else before it is trusted: the commit belongs to the expected
 * account and carries a valid signature by its key, and the whole tree is present and sound. The
 * key comes from the account's DID document; this class does not resolve it.
 */
public final class RepoVerifier {
    private RepoVerifier() {}

    /** The commit and the contents, see {@link #verifyCommit} and {@link #verifyContents}; returns the record count. */
    public static long verify(Repository repo, Did did, PublicKey key) {
        verifyCommit(repo, did, key);
        return verifyContents(repo);
    }

    /** The commit names {@code did} and its signature verifies (strict, low-S) with {@code key}. */
    public static void verifyCommit(Repository repo, Did did, PublicKey key) {
        if (!repo.did().equals(did)) {
            throw new RepoException("the commit is for " + repo.did() + ", not the expected " + did);
        }
        if (!repo.commit().verify(key)) {
            throw new RepoException("the commit signature of " + did + " (rev " + repo.rev() + ") does not verify with key " + key.didKey());
        }
    }

    /**
     * Reads every MST node and record: each must be present, match its CID, and (for nodes) be
     * canonical with keys in order and at the right height; each key must be a record path and each
     * record a DAG-CBOR map. Returns the number of records.
     */
    public static long verifyContents(Repository repo) {
        long count = 0;
        try {
            for (Iterator<MstEntry> entries = repo.mst().entries().iterator(); entries.hasNext(); ) {
                repo.readRecord(entries.next());
                count++;
            }
        } catch (MissingBlockException e) {
            throw new RepoException("the repository of " + repo.did() + " is incomplete: MST node " + e.cid() + " is missing", e);
        } catch (InvalidMstException e) {
            throw new RepoException("the repository of " + repo.did() + " has an invalid MST: " + e.getMessage(), e);
        }
        return count;
    }
}
