package org.auroralocus.server.repo;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.repo.CommitResult;
import org.auroralocus.atproto.repo.Repository;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.atproto.syntax.TidClock;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.sequencer.RepoEvent;
import org.auroralocus.server.sequencer.Sequencer;

/** Creates and changes repositories: actor store first, then the sequencer. */
public final class RepoService {
    private static final System.Logger LOG = System.getLogger(RepoService.class.getName());

    private final ActorStores actors;
    private final Sequencer sequencer;
    private final TidClock revs;
    private final Clock clock;

    public RepoService(ActorStores actors, Sequencer sequencer, TidClock revs, Clock clock) {
        this.actors = actors;
        this.sequencer = sequencer;
        this.revs = revs;
        this.clock = clock;
    }

    /** Creates the actor store and the first, empty, signed commit of a new account's repository. */
    public CommitResult createRepo(Did did, KeyPair signingKey) {
        actors.create(did, signingKey);
        Tid rev = revs.next();
        CommitResult created = actors.transact(did, tx -> {
            CommitResult result = Repository.create(tx.blocks(), did, signingKey, rev);
            tx.storeCommit(result, clock.instant());
            return result;
        });
        LOG.log(System.Logger.Level.INFO, "repository created did={0} rev={1}", did, rev);
        return created;
    }

    /** Removes a repository for good: one that never became an account (creation failed half way), or a deleted account's. */
    public void destroyRepo(Did did) {
        actors.destroy(did);
    }

    /**
     * A {@code #sync} of the repository's current commit, from which a relay can resynchronise
     * (sent when an account is activated again, as the official PDS does).
     *
     * @throws org.auroralocus.server.actor.ActorNotFoundException when no repository is hosted for the DID
     */
    public RepoEvent.SyncEvent syncEvent(Did did) {
        return actors.read(did, r -> {
            var root = r.root().orElseThrow(() -> new IllegalStateException("repository of " + did + " has no commit"));
            Block commit = new Block(root.cid(), r.blocks().require(root.cid()));
            return new RepoEvent.SyncEvent(did, root.rev(), CarSlices.of(root.cid(), List.of(commit)));
        });
    }

    /**
     * Announces a new account on the firehose, in the official order: {@code #identity},
     * {@code #account} (active), the first {@code #commit} (no ops), and a {@code #sync} of it.
     */
    public void announceNewAccount(Did did, Handle handle, CommitResult created) {
        sequencer.append(new RepoEvent.IdentityEvent(did, Optional.of(handle)));
        sequencer.append(new RepoEvent.AccountEvent(did, true, Optional.empty()));
        sequencer.append(new RepoEvent.CommitEvent(did, created.cid(), created.commit().rev(), Optional.empty(),
                CarSlices.of(created.cid(), created.newBlocks().blocks()), List.of(), List.of(), Optional.empty()));
        Block commitBlock = created.commit().toBlock();
        sequencer.append(new RepoEvent.SyncEvent(did, created.commit().rev(),
                CarSlices.of(commitBlock.cid(), List.of(commitBlock))));
    }
}
