package org.auroralocus.server.inspect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;

/**
 * A blob as the admin sees it: its owner, type, size, the records that use it, and its takedown.
 *
 * @param pending uploaded but not yet used by a committed record (the cleanup removes it in time)
 */
public record BlobInfo(Did owner, Optional<Handle> ownerHandle, Cid cid, String mimeType, long size, Instant createdAt,
                       boolean pending, List<String> referencedBy, Optional<String> takedownRef) {
    public BlobInfo {
        referencedBy = List.copyOf(referencedBy);
    }

    public boolean isImage() {
        return mimeType.startsWith("image/");
    }
}
