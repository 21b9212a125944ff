package org.auroralocus.atproto.repo;

import java.util.Objects;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.Signer;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Tid;

/**
 * A version-3 commit before it is signed (https://atproto.com/specs/repository#commit-objects):
 * the account, the MST root, the revision and the (virtually always absent) previous commit.
 */
public record UnsignedCommit(Did did, Cid data, Tid rev, Optional<Cid> prev) {
    public static final long VERSION = 3;

    public UnsignedCommit {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(rev, "rev");
        Objects.requireNonNull(prev, "prev");
        if (data.codec() != Cid.DAG_CBOR) throw new RepoException("commit data must link to a DAG-CBOR MST node: " + data);
        prev.ifPresent(p -> {
            if (p.codec() != Cid.DAG_CBOR) throw new RepoException("commit prev must link to a DAG-CBOR commit: " + p);
        });
    }

    /** A commit with no {@code prev}, as every current implementation writes. */
    public static UnsignedCommit of(Did did, Cid data, Tid rev) {
        return new UnsignedCommit(did, data, rev, Optional.empty());
    }

    /**
     * The data-model form. {@code prev} is written even when absent, as null: version 3 requires
     * the key, and leaving it out changes the bytes and so the signature and CID.
     */
    public DataValue.MapValue toDataValue() {
        return DataValue.map(
                "did", DataValue.of(did.value()),
                "version", DataValue.of(VERSION),
                "data", DataValue.of(data),
                "rev", DataValue.of(rev.value()),
                "prev", prev.map(DataValue::of).orElse(DataValue.ofNull()));
    }

    /** The canonical DAG-CBOR bytes, which are what gets signed. */
    public byte[] encode() {
        return DagCbor.encode(toDataValue());
    }

    /** Signs the DAG-CBOR of this object; the signer hashes it with SHA-256 first. */
    public Commit sign(Signer signer) {
        return new Commit(this, signer.sign(encode()));
    }
}
