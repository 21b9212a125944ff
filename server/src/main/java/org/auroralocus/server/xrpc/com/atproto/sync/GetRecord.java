package org.auroralocus.server.xrpc.com.atproto.sync;

import java.util.List;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.repo.RecordPath;
import org.auroralocus.atproto.repo.Repository;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.RepoRootTable.RepoRoot;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.Output;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.sync.getRecord: a CAR rooted at the current commit holding the commit, the MST nodes
 * from the root towards the record's key and, if it exists, the record. With the account's key a
 * client verifies the commit, then the path proves the record's CID, or its absence: a record that
 * does not exist is a proof like any other, not an error, as in the official PDS.
 */
public final class GetRecord implements XrpcQuery<GetRecord.Params, Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.sync.getRecord");

    record Params(Did did, Nsid collection, RecordKey rkey) {}

    private final SyncAccess access;

    public GetRecord(AccountService accounts, ActorStores actors) {
        this.access = new SyncAccess(accounts, actors);
    }

    @Override public Output handle(Params p, Caller caller) {
        access.available(p.did());
        String key = new RecordPath(p.collection(), p.rkey()).toString();
        record Proof(RepoRoot root, BlockMap blocks) {}
        // one read: the commit, the path and the record all come from one state of the store
        Proof proof = access.read(p.did(), r -> {
            RepoRoot root = r.root().orElseThrow(() -> SyncAccess.notFound(p.did()));
            Repository repo = Repository.load(r.blocks(), root.cid());
            BlockMap blocks = new BlockMap();
            blocks.put(root.cid(), r.blocks().require(root.cid()));
            blocks.putAll(repo.mst().proofBlocks(key));
            repo.recordCid(RecordPath.parse(key)).ifPresent(cid -> blocks.put(cid, r.blocks().require(cid)));
            return new Proof(root, blocks);
        });
        return CarOutputs.of(List.of(proof.root().cid()), proof.blocks().blocks());
    }
}
