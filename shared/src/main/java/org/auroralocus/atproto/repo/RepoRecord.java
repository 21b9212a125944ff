package org.auroralocus.atproto.repo;

import java.util.Objects;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;

/** A record as a repository holds it: where, the CID the MST maps it to, and its value. */
public record RepoRecord(RecordPath path, Cid cid, DataValue.MapValue value) {
    public RepoRecord {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(value, "value");
    }

    public Nsid collection() {
        return path.collection();
    }

    public RecordKey rkey() {
        return path.rkey();
    }
}
