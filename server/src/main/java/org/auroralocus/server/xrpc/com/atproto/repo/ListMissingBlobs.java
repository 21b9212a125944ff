package org.auroralocus.server.xrpc.com.atproto.repo;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.actor.ActorNotFoundException;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.BlobTable;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.DefaultValue;
import org.auroralocus.server.xrpc.IntRange;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.repo.listMissingBlobs: blobs the account's records reference that were never uploaded
 * here, so a migrating client knows what to copy from the old PDS. Pages are ordered by CID; as in
 * the official PDS, a page that is not empty carries a cursor (the next page may be empty).
 */
public final class ListMissingBlobs implements XrpcQuery<ListMissingBlobs.Params, ListMissingBlobs.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.listMissingBlobs");

    public record Params(@IntRange(min = 1, max = 1000) @DefaultValue("500") int limit, Optional<String> cursor) {}

    public record RecordBlob(Cid cid, String recordUri) {}

    public record Output(Optional<String> cursor, List<RecordBlob> blobs) {}

    private final ActorStores actors;

    public ListMissingBlobs(ActorStores actors) {
        this.actors = actors;
    }

    @Override public Output handle(Params params, Caller caller) {
        List<BlobTable.MissingBlob> missing;
        try {
            missing = actors.read(((Caller.User) caller).did(), r -> r.missingBlobs(params.cursor(), params.limit()));
        } catch (ActorNotFoundException e) {
            throw XrpcException.invalidRequest("NotFound", "Repo not found");
        }
        Optional<String> cursor = missing.isEmpty() ? Optional.empty() : Optional.of(missing.getLast().cid().toString());
        return new Output(cursor, missing.stream().map(m -> new RecordBlob(m.cid(), m.recordUri())).toList());
    }
}
