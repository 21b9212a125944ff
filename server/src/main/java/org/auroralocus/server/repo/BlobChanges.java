package org.auroralocus.server.repo;

import java.util.List;
import java.util.Map;
import org.auroralocus.atproto.cbor.Cid;

/**
 * What a commit did to the account's blobs, for the steps that follow it outside the transaction.
 *
 * @param toPromote uploads a record now references, by CID, with their temporary keys: their bytes
 *     move to the permanent area
 * @param referenced every blob the commit's new records reference (the event's {@code blobs})
 * @param deleted blobs no record references any more; their rows are gone, their bytes go next
 */
record BlobChanges(Map<Cid, String> toPromote, List<Cid> referenced, List<Cid> deleted) {
    BlobChanges {
        toPromote = Map.copyOf(toPromote);
        referenced = List.copyOf(referenced);
        deleted = List.copyOf(deleted);
    }
}
