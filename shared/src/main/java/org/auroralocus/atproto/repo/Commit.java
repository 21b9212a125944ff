package org.auroralocus.atproto.repo;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DagCborException;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.SyntaxException;
import org.auroralocus.atproto.syntax.Tid;

/**
 * A signed version-3 commit: the top block of a repository. Its CID is the hash of the signed
 * object's DAG-CBOR, and the signature covers the same map without {@code sig}.
 *
 * <p>Holding one does not mean the signature is good: that needs the account's key, from its DID
 * document, and {@link #verify}.
 */
public record Commit(UnsignedCommit unsigned, byte[] sig) {
    private static final Set<String> FIELDS = Set.of("did", "version", "data", "rev", "prev", "sig");

    public Commit {
        Objects.requireNonNull(unsigned, "unsigned");
        if (sig.length == 0) throw new RepoException("commit signature is empty");
        sig = sig.clone();
    }

    public Did did() {
        return unsigned.did();
    }

    /** The MST root. */
    public Cid data() {
        return unsigned.data();
    }

    public Tid rev() {
        return unsigned.rev();
    }

    public Optional<Cid> prev() {
        return unsigned.prev();
    }

    @Override public byte[] sig() {
        return sig.clone();
    }

    /** True when {@code sig} is a valid (strict, low-S) signature of the unsigned commit by this key. */
    public boolean verify(PublicKey key) {
        return key.verify(unsigned.encode(), sig);
    }

    public DataValue.MapValue toDataValue() {
        return unsigned.toDataValue().with("sig", DataValue.bytes(sig));
    }

    public Block toBlock() {
        return DagCbor.block(toDataValue());
    }

    public Cid cid() {
        return toBlock().cid();
    }

    /** Decodes a commit block; its CID is the caller's to check (a {@code CarReader} does). */
    public static Commit fromBlock(Block block) {
        return parse(block.bytes());
    }

    public static Commit parse(byte[] bytes) {
        try {
            return fromDataValue(DagCbor.decode(bytes));
        } catch (DagCborException e) {
            throw new RepoException("commit is not valid DAG-CBOR: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a commit, strictly: exactly the six version-3 fields, {@code prev} present (possibly
     * null). An unknown field is refused rather than dropped, because dropping it would change the
     * signed bytes and make a good signature look bad.
     */
    public static Commit fromDataValue(DataValue value) {
        if (!(value instanceof DataValue.MapValue map)) throw new RepoException("commit is not a map");
        for (String key : map.entries().keySet()) {
            if (!FIELDS.contains(key)) throw new RepoException("commit has an unknown field: " + key);
        }
        long version = field(map, "version", DataValue.IntValue.class).value();
        if (version != UnsignedCommit.VERSION) throw new RepoException("unsupported commit version " + version + " (expected 3)");
        DataValue prev = map.get("prev").orElseThrow(() -> new RepoException("commit has no prev field (version 3 requires it, as null)"));
        Optional<Cid> prevCid = switch (prev) {
            case DataValue.NullValue n -> Optional.empty();
            case DataValue.LinkValue(Cid cid) -> Optional.of(cid);
            default -> throw new RepoException("commit prev is neither null nor a link");
        };
        try {
            UnsignedCommit unsigned = new UnsignedCommit(
                    Did.parse(field(map, "did", DataValue.TextValue.class).value()),
                    field(map, "data", DataValue.LinkValue.class).cid(),
                    Tid.parse(field(map, "rev", DataValue.TextValue.class).value()),
                    prevCid);
            return new Commit(unsigned, field(map, "sig", DataValue.BytesValue.class).value());
        } catch (SyntaxException e) {
            throw new RepoException("invalid commit: " + e.getMessage(), e);
        }
    }

    private static <T extends DataValue> T field(DataValue.MapValue map, String key, Class<T> type) {
        DataValue value = map.get(key).orElseThrow(() -> new RepoException("commit has no " + key + " field"));
        if (!type.isInstance(value)) throw new RepoException("commit " + key + " has the wrong type: " + value.getClass().getSimpleName());
        return type.cast(value);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Commit other && unsigned.equals(other.unsigned) && Arrays.equals(sig, other.sig);
    }

    @Override public int hashCode() {
        return 31 * unsigned.hashCode() + Arrays.hashCode(sig);
    }

    @Override public String toString() {
        return "Commit[did=" + did() + ", rev=" + rev() + ", data=" + data() + "]";
    }
}
