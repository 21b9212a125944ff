package org.auroralocus.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;

/**
 * Where blob bytes live, per account. Implementations: the disk store (default,
 * {@code PDS_BLOBSTORE_DISK_LOCATION}) and the S3 store ({@code PDS_BLOBSTORE_S3_*}). Everything
 * streams: no method holds a whole blob in memory.
 */
public interface BlobStore {
    /** Stores an upload in the temporary area and returns its key. */
    String putTemp(Did did, InputStream bytes) throws IOException;

    /** Moves a temporary upload to its permanent place under its CID (idempotent if already there). */
    void makePermanent(Did did, String tempKey, Cid cid) throws IOException;

    /** Opens a permanent blob for reading; empty when it is not stored. */
    Optional<InputStream> open(Did did, Cid cid) throws IOException;

    boolean hasStored(Did did, Cid cid) throws IOException;

    /** Deletes permanent blobs; missing ones are ignored. */
    void delete(Did did, Collection<Cid> cids) throws IOException;

    /** Deletes a temporary upload; a missing one is ignored. */
    void deleteTemp(Did did, String tempKey) throws IOException;

    /** Deletes every blob of the account, temporary and permanent (account deletion). */
    void deleteAll(Did did) throws IOException;
}
