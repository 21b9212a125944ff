package org.auroralocus.server.repo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.auroralocus.atproto.cbor.BlobRef;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.server.actor.db.BlobTable;

/**
 * Brings the {@code record_blob} references in line with a commit's writes, inside its transaction:
 * each blob a new record references must have been uploaded, not be taken down, and match the
 * reference's MIME type and size (as in the official PDS, with its error names and messages);
 * updated and deleted records drop their references; a blob left with none is deleted.
 */
final class BlobReferences {
    private BlobReferences() {}

    static BlobChanges apply(BlobTable blobs, List<ResolvedWrite> writes) throws SQLException {
        Set<Cid> dereferenced = new LinkedHashSet<>();
        Map<Cid, String> toPromote = new LinkedHashMap<>();
        Set<Cid> referenced = new LinkedHashSet<>();
        for (ResolvedWrite write : writes) {
            String uri = write.uri().toString();
            if (!(write instanceof ResolvedWrite.Created)) dereferenced.addAll(blobs.removeReferences(uri));
            if (write.newRecord().isEmpty()) continue;
            for (BlobRef ref : write.newRecord().get().blobs()) {
                BlobTable.BlobRow stored = verified(blobs, ref);
                blobs.addReference(ref.ref(), uri);
                stored.tempKey().ifPresent(key -> toPromote.put(ref.ref(), key));
                referenced.add(ref.ref());
            }
        }
        List<Cid> deleted = new ArrayList<>();
        for (Cid cid : dereferenced) {
            if (blobs.isReferenced(cid)) continue;
            // an upload referenced and dereferenced within this batch never became permanent:
            // it stays a temporary upload, which the cleanup of stale uploads removes
            if (toPromote.remove(cid) != null) continue;
            blobs.delete(cid);
            deleted.add(cid);
        }
        return new BlobChanges(toPromote, List.copyOf(referenced), deleted);
    }

    private static BlobTable.BlobRow verified(BlobTable blobs, BlobRef ref) throws SQLException {
        BlobTable.BlobRow stored = blobs.get(ref.ref()).filter(row -> row.takedownRef().isEmpty()).orElseThrow(() ->
                new RepoWriteException(RepoWriteException.Problem.BLOB_NOT_FOUND, "Could not find blob: " + ref.ref()));
        if (!stored.mimeType().equals(ref.mimeType())) {
            throw new RepoWriteException(RepoWriteException.Problem.INVALID_MIME_TYPE,
                    "Referenced Mimetype does not match stored blob. Expected: " + stored.mimeType() + ", Got: " + ref.mimeType());
        }
        if (stored.size() != ref.size()) {
            throw new RepoWriteException(RepoWriteException.Problem.INVALID_SIZE,
                    "Referenced Size does not match stored blob. Expected: " + stored.size() + ", Got: " + ref.size());
        }
        return stored;
    }
}
