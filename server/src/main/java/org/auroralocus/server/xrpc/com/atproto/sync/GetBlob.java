package org.auroralocus.server.xrpc.com.atproto.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.BlobTable.BlobRow;
import org.auroralocus.server.blob.BlobStore;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.Output;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.sync.getBlob: a blob's bytes, streamed from the blob store with the type and exact
 * length recorded at upload. Only blobs a record references are served: a pending upload, a
 * taken-down blob or one that is not here is 400 "Blob not found", as in the official PDS.
 *
 * <p>Blobs are arbitrary user bytes served from this origin, so the response tells browsers never
 * to sniff, render or run them: {@code nosniff}, a sandboxing CSP and an attachment disposition.
 */
public final class GetBlob implements XrpcQuery<GetBlob.Params, Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.sync.getBlob");
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

    record Params(Did did, Cid cid) {}

    private final SyncAccess access;
    private final BlobStore store;

    public GetBlob(AccountService accounts, ActorStores actors, BlobStore store) {
        this.access = new SyncAccess(accounts, actors);
        this.store = store;
    }

    @Override public Output handle(Params p, Caller caller) {
        access.available(p.did());
        BlobRow blob = access.read(p.did(), r -> {
            Optional<BlobRow> row = r.blob(p.cid())
                    .filter(b -> b.tempKey().isEmpty() && b.takedownRef().isEmpty());
            return row.isPresent() && r.blobReferenced(p.cid()) ? row : Optional.<BlobRow>empty();
        }).orElseThrow(GetBlob::notFound);
        InputStream bytes;
        try {
            bytes = store.open(p.did(), p.cid()).orElseThrow(GetBlob::notFound);
        } catch (IOException e) {
            throw new UncheckedIOException("opening blob " + p.cid() + " of " + p.did(), e);
        }
        Map<String, String> headers = Map.of(
                "X-Content-Type-Options", "nosniff",
                "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                "Content-Disposition", "attachment; filename=\"" + p.cid() + "\"");
        return new Output(blob.mimeType(), OptionalLong.of(blob.size()), headers, out -> {
            try (bytes) {
                bytes.transferTo(out);
            }
        });
    }

    private static XrpcException notFound() {
        return XrpcException.invalidRequest("Blob not found");
    }
}
