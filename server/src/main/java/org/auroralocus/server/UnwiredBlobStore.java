package org.auroralocus.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.blob.BlobStore;

/**
 * Stands in for the blob store until the disk and S3 stores are wired into {@link Services} (they
 * are written on another branch). No blob can be uploaded without them, so no record can reference
 * one and the repository never calls this; if it does, the call fails loudly.
 */
final class UnwiredBlobStore implements BlobStore {
    @Override public String putTemp(Did did, InputStream bytes) throws IOException {
        throw unwired();
    }

    @Override public void makePermanent(Did did, String tempKey, Cid cid) throws IOException {
        throw unwired();
    }

    @Override public Optional<InputStream> open(Did did, Cid cid) throws IOException {
        return Optional.empty();
    }

    @Override public boolean hasStored(Did did, Cid cid) {
        return false;
    }

    @Override public void delete(Did did, Collection<Cid> cids) throws IOException {
        throw unwired();
    }

    @Override public void deleteTemp(Did did, String tempKey) throws IOException {
        throw unwired();
    }

    @Override public void deleteAll(Did did) {
        // nothing was ever stored
    }

    private static IOException unwired() {
        return new IOException("no blob store is configured yet");
    }
}
