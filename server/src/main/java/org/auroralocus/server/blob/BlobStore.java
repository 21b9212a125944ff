package org.auroralocus.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;

/**
 * Where blob bytes live, per account. Implementations: the disk store (default,
 * {@code PDS_BLOBSTORE_DISK_LOCATION}) and the S3 store ({@code PDS_BLOBSTORE_S3_*}). Everything
 * streams: no method holds a whole blob in memory. Failures of the storage itself are
 * {@link IOException}s; the S3 store wraps the SDK's unchecked exceptions into them.
 */
public interface BlobStore extends AutoCloseable {
    /**
     * Stores an upload in the temporary area and returns its key. The stream is read to its end. When
     * reading it fails (a client gone, an upload over the limit), the exception propagates and
     * nothing of the upload stays behind.
     */
    String putTemp(Did did, InputStream bytes) throws IOException;

    boolean hasTemp(Did did, String tempKey) throws IOException;

    /**
     * Moves a temporary upload to its permanent place under its CID. Idempotent: when the temporary
     * upload is gone but the blob is stored (another writer was first), nothing happens.
     *
     * @throws BlobNotFoundException when neither the temporary upload nor the blob exists
     */
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

    /** The accounts with at least one upload in the temporary area (the cleanup visits only these). */
    Set<Did> tempOwners() throws IOException;

    /** Releases connections; the disk store holds none. */
    @Override default void close() {}
}
