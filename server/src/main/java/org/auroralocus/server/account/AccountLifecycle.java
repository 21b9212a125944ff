package org.auroralocus.server.account;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.actor.ActorRead;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.RepoRootTable.RepoRoot;
import org.auroralocus.server.identity.DidDocumentCheck;
import org.auroralocus.server.repo.RepoService;
import org.auroralocus.server.sequencer.RepoEvent;
import org.auroralocus.server.sequencer.Sequencer;

/**
 * Activating and deactivating accounts (an account moving in is activated once its data and DID
 * are in place; one moving away is deactivated), each announced on the firehose after the account
 * table has changed, and the status report a migrating client polls.
 */
public final class AccountLifecycle {
    private static final System.Logger LOG = System.getLogger(AccountLifecycle.class.getName());

    private final AccountService accounts;
    private final ActorStores actors;
    private final RepoService repos;
    private final Sequencer sequencer;
    private final DidDocumentCheck didCheck;

    public AccountLifecycle(AccountService accounts, ActorStores actors, RepoService repos, Sequencer sequencer,
                            DidDocumentCheck didCheck) {
        this.accounts = accounts;
        this.actors = actors;
        this.repos = repos;
        this.sequencer = sequencer;
        this.didCheck = didCheck;
    }

    /**
     * The account's status. A taken-down account counts as not activated, as in the official PDS.
     *
     * @throws org.auroralocus.server.actor.ActorNotFoundException when no repository is hosted for the DID
     */
    public AccountStatusReport status(Did did) {
        RepoCounts repo = actors.read(did, AccountLifecycle::countRepo);
        boolean activated = accounts.findByDid(did).map(Account::active).orElse(false);
        boolean validDid = didCheck.problem(did).isEmpty();
        return new AccountStatusReport(activated, validDid, repo.root().cid(), repo.root().rev(), repo.blocks(),
                repo.records(), repo.expectedBlobs(), repo.importedBlobs());
    }

    private record RepoCounts(RepoRoot root, long blocks, long records, long expectedBlobs, long importedBlobs) {}

    private static RepoCounts countRepo(ActorRead r) throws SQLException {
        RepoRoot root = r.root().orElseThrow(() -> new IllegalStateException("repository has no commit"));
        return new RepoCounts(root, r.blockCount(), r.recordCount(), r.referencedBlobCount(), r.blobCount());
    }

    /**
     * Activates the account, then announces it as the official PDS does, each time (activating an
     * active account announces again, which lets a relay that missed it catch up): {@code #account},
     * {@code #identity} with the handle, and a {@code #sync} of the current commit.
     *
     * @throws org.auroralocus.server.identity.DidNotHostedHereException when the DID document does not point here
     * @throws AccountException NOT_FOUND when there is no such account or it is taken down
     */
    public Account activate(Did did) {
        // the account first (the official PDS checks the DID first): a deleted account has no signing key to compare
        accounts.findByDid(did).filter(a -> !a.takendown()).orElseThrow(() ->
                new AccountException(AccountException.Problem.NOT_FOUND, "user not found"));
        didCheck.requireHostedHere(did);
        Account account = accounts.activate(did);
        RepoEvent.SyncEvent sync = repos.syncEvent(did);
        sequencer.append(accountEvent(account));
        sequencer.append(new RepoEvent.IdentityEvent(did, Optional.of(account.handle())));
        sequencer.append(sync);
        return account;
    }

    /**
     * Deactivates the account and announces its new status (which stays {@code takendown} for a
     * taken-down account, since a takedown outranks a deactivation).
     *
     * @param deleteAfter the owner's hint for when the server may delete the deactivated account
     * @throws AccountException NOT_FOUND
     */
    public Account deactivate(Did did, Optional<Instant> deleteAfter) {
        Account account = accounts.deactivate(did);
        // the official PDS stores the hint but nothing acts on it; this server keeps deactivated
        // accounts until their owner or the operator deletes them, so it is only logged
        deleteAfter.ifPresent(at -> LOG.log(System.Logger.Level.INFO, "deactivated did={0} asks for deletion after {1}",
                did, at));
        sequencer.append(accountEvent(account));
        return account;
    }

    private static RepoEvent.AccountEvent accountEvent(Account account) {
        return new RepoEvent.AccountEvent(account.did(), account.active(), account.status().wireName());
    }
}
