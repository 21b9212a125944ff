package org.auroralocus.server.xrpc.com.atproto.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.Output;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.sync.getBlocks: a CAR with no root holding the requested blocks of the repository. If
 * any is missing nothing is sent: 400 InvalidRequest naming them, as the official PDS answers (the
 * lexicon's BlockNotFound is not what it uses).
 */
public final class GetBlocks implements XrpcQuery<GetBlocks.Params, Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.sync.getBlocks");

    record Params(Did did, List<Cid> cids) {}

    private final SyncAccess access;

    public GetBlocks(AccountService accounts, ActorStores actors) {
        this.access = new SyncAccess(accounts, actors);
    }

    @Override public Output handle(Params p, Caller caller) {
        access.available(p.did());
        List<Cid> wanted = p.cids().stream().distinct().toList();
        List<Block> found = new ArrayList<>(wanted.size());
        List<Cid> missing = new ArrayList<>();
        access.read(p.did(), r -> {
            for (Cid cid : wanted) {
                Optional<byte[]> bytes = r.blocks().get(cid);
                if (bytes.isPresent()) found.add(new Block(cid, bytes.get()));
                else missing.add(cid);
            }
            return null;
        });
        if (!missing.isEmpty()) {
            throw XrpcException.invalidRequest("Could not find cids: "
                    + missing.stream().map(Cid::toString).collect(Collectors.joining(",")));
        }
        return CarOutputs.of(List.of(), found);
    }
}
