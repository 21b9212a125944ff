package org.auroralocus.server.xrpc.com.atproto.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.car.CarWriter;
import org.auroralocus.atproto.repo.Repository;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorRead;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.RepoRootTable.RepoRoot;
import org.auroralocus.server.ratelimit.RateLimit;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.Output;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.sync.getRepo: the repository as a CAR whose root is the current commit. Without
 * {@code since}, the commit and a walk of the whole MST with every record; with it, the commit and
 * the blocks written after that revision (a diff a follower applies to the copy it has).
 *
 * <p>Streamed: blocks go to the client as they are read from one snapshot of the store, so memory
 * stays flat whatever the repository's size, and a write landing meanwhile cannot remove a block
 * the CAR still needs.
 */
public final class GetRepo implements XrpcQuery<GetRepo.Params, Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.sync.getRepo");
    /** The official limit: 6000 per 5 minutes per IP, in place of the global one (relays backfill through it). */
    public static final List<RouteLimit> RATE_LIMITS = List.of(
            RouteLimit.perIp(new RateLimit(NSID + "-5min", 6000, Duration.ofMinutes(5))));

    record Params(Did did, Optional<Tid> since) {}

    private final SyncAccess access;
    private final ActorStores actors;

    public GetRepo(AccountService accounts, ActorStores actors) {
        this.access = new SyncAccess(accounts, actors);
        this.actors = actors;
    }

    @Override public Output handle(Params p, Caller caller) {
        access.available(p.did());
        access.root(p.did());   // RepoNotFound is only possible before the response starts
        return CarOutputs.streamed(out -> actors.stream(p.did(), r -> {
            write(r, p.since(), out);
            return null;
        }));
    }

    private static void write(ActorRead store, Optional<Tid> since, OutputStream out) throws java.sql.SQLException {
        RepoRoot root = store.root().orElseThrow(() -> new IllegalStateException("the repository went away while it was read"));
        try {
            if (since.isEmpty()) {
                Repository.load(store.blocks(), root.cid()).writeCar(out);
                return;
            }
            CarWriter car = CarWriter.open(out, List.of(root.cid()));
            car.write(root.cid(), store.blocks().require(root.cid()));
            store.blocksSince(since.get(), (cid, bytes) -> {
                if (cid.equals(root.cid())) return;
                try {
                    car.write(cid, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
