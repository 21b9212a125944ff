package org.auroralocus.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.auroralocus.atproto.cbor.BlobRef;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.actor.ActorNotFoundException;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.BlobTable;
import org.auroralocus.server.actor.db.BlobTable.BlobRow;

/**
 * Receives uploads (com.atproto.repo.uploadBlob): the body streams into the store's temporary area
 * while it is counted, digested into its raw-codec CID and sniffed for its type; then the
 * {@code blob} row records it as pending. A record that references it later makes it permanent; the
 * {@link BlobCleanup} removes it if none does.
 *
 * <p>Store I/O happens outside the actor-store transaction: the transaction only decides, so a slow
 * S3 never holds an account's writer.
 */
public final class BlobUploads {
    private static final System.Logger LOG = System.getLogger(BlobUploads.class.getName());
    private static final String DEFAULT_TYPE = "application/octet-stream";
    /** RFC 6838 type and subtype names; anything else in a Content-Type is not worth storing. */
    private static final String MEDIA_TYPE = "[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}";

    private final ActorStores actors;
    private final BlobStore store;
    private final Clock clock;
    private final long limit;

    /** @param limit the most bytes one upload may have ({@code PDS_BLOB_UPLOAD_LIMIT}) */
    public BlobUploads(ActorStores actors, BlobStore store, Clock clock, long limit) {
        this.actors = actors;
        this.store = store;
        this.clock = clock;
        this.limit = limit;
    }

    /** What the row says after the upload was recorded, and whether a record already references the blob. */
    private record Recorded(BlobRow row, boolean referenced) {}

    /**
     * Stores an upload for {@code did} and returns the reference a record will carry. The type is the
     * one sniffed from the bytes, else {@code declaredType}; when the same bytes are already here,
     * the stored row's type wins, since records are checked against it.
     *
     * @param declaredLength the Content-Length, when given: over the limit is refused before reading
     * @throws BlobUploadException for an upload over the limit, a taken-down blob or a broken body
     * @throws ActorNotFoundException when no repository is hosted here for {@code did}
     */
    public BlobRef upload(Did did, InputStream body, String declaredType, Optional<Long> declaredLength) {
        if (declaredLength.isPresent() && declaredLength.get() > limit) throw tooLarge();
        if (!actors.exists(did)) throw new ActorNotFoundException(did.toString());
        UploadStream stream = new UploadStream(body, limit);
        String key = receive(did, stream);
        Cid cid = stream.cid();
        String mimeType = stream.sniffedType().orElseGet(() -> fallbackType(declaredType));
        Recorded recorded;
        try {
            recorded = actors.transact(did, tx -> record(tx.blobs(), cid, mimeType, stream.size(), key));
        } catch (RuntimeException e) {
            discard(did, key);
            throw e;
        }
        BlobRow row = recorded.row();
        if (!row.tempKey().equals(Optional.of(key))) discard(did, key);
        if (recorded.referenced() && row.tempKey().isPresent()) makePermanent(did, cid, row.tempKey().get());
        LOG.log(System.Logger.Level.DEBUG, "blob uploaded did={0} cid={1} type={2} size={3}", did, cid, row.mimeType(), row.size());
        return new BlobRef(cid, row.mimeType(), row.size());
    }

    private String receive(Did did, UploadStream stream) {
        String key;
        try {
            key = store.putTemp(did, stream);
        } catch (IOException | RuntimeException e) {
            if (stream.tooLarge()) throw tooLarge();
            if (stream.bodyFailed()) {
                throw new BlobUploadException(BlobUploadException.Problem.BODY_UNREADABLE, "Could not read the request body");
            }
            if (e instanceof IOException io) throw new UncheckedIOException("storing an upload for " + did, io);
            throw (RuntimeException) e;
        }
        if (!stream.ended()) {
            discard(did, key);
            throw new IllegalStateException(store + " did not read the upload to its end");
        }
        return key;
    }

    private Recorded record(BlobTable blobs, Cid cid, String mimeType, long size, String key) throws SQLException {
        if (blobs.get(cid).flatMap(BlobRow::takedownRef).isPresent()) {
            throw new BlobUploadException(BlobUploadException.Problem.TAKEN_DOWN, "Blob has been takendown, cannot re-upload");
        }
        blobs.putUpload(cid, mimeType, size, key, clock.instant());
        return new Recorded(blobs.get(cid).orElseThrow(), blobs.isReferenced(cid));
    }

    /**
     * A record already references these bytes (an imported repository whose blobs arrive after its
     * records, the migration flow): they become permanent at once, as no later commit will do it.
     */
    private void makePermanent(Did did, Cid cid, String key) {
        try {
            store.makePermanent(did, key, cid);
        } catch (IOException e) {
            throw new UncheckedIOException("making " + cid + " of " + did + " permanent", e);
        }
        actors.transact(did, tx -> {
            tx.blobs().markPermanent(cid);
            return null;
        });
    }

    /** Drops an upload the row does not point to; a leftover would only cost space, so failure is logged. */
    private void discard(Did did, String key) {
        try {
            store.deleteTemp(did, key);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete temporary upload " + key + " of " + did, e);
        }
    }

    private static String fallbackType(String declared) {
        String essence = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return essence.matches(MEDIA_TYPE) ? essence : DEFAULT_TYPE;
    }

    private BlobUploadException tooLarge() {
        return new BlobUploadException(BlobUploadException.Problem.TOO_LARGE, "request entity too large");
    }
}
