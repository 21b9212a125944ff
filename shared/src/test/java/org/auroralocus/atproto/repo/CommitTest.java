package org.auroralocus.atproto.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Tid;
import org.junit.jupiter.api.Test;

class CommitTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Did DID = Did.parse("did:plc:abcdefghijklmnopqrstuvwx");
    private static final Cid ROOT = DagCbor.block(DataValue.map("e", DataValue.list(List.of()), "l", DataValue.ofNull())).cid();
    private static final Tid REV = Tid.parse("3l5bv7vzcm22c");

    private final KeyPair key = KeyPair.generate(Curve.K256, RANDOM);

    @Test
    void signedCommitVerifiesWithItsKey() {
        Commit commit = UnsignedCommit.of(DID, ROOT, REV).sign(key);
        assertTrue(commit.verify(key.publicKey()));
        assertEquals(64, commit.sig().length);
    }

    @Test
    void p256KeysSignCommitsToo() {
        KeyPair p256 = KeyPair.generate(Curve.P256, RANDOM);
        assertTrue(UnsignedCommit.of(DID, ROOT, REV).sign(p256).verify(p256.publicKey()));
    }

    @Test
    void signatureCoversTheUnsignedObjectsDagCbor() {
        UnsignedCommit unsigned = UnsignedCommit.of(DID, ROOT, REV);
        Commit commit = unsigned.sign(key);
        byte[] unsignedBytes = DagCbor.encode(without(commit.toDataValue(), "sig"));
        assertArrayEquals(unsigned.encode(), unsignedBytes);
        assertTrue(key.publicKey().verify(unsignedBytes, commit.sig()));
    }

    @Test
    void tamperedFieldsFailVerification() {
        Commit commit = UnsignedCommit.of(DID, ROOT, REV).sign(key);
        Cid otherRoot = DagCbor.block(DataValue.map("x", DataValue.of(1))).cid();
        List<UnsignedCommit> tampered = List.of(
                UnsignedCommit.of(DID, otherRoot, REV),
                UnsignedCommit.of(Did.parse("did:plc:bbcdefghijklmnopqrstuvwx"), ROOT, REV),
                UnsignedCommit.of(DID, ROOT, Tid.parse("3l5bv7vzcm22d")),
                new UnsignedCommit(DID, ROOT, REV, Optional.of(otherRoot)));
        for (UnsignedCommit u : tampered) {
            assertFalse(new Commit(u, commit.sig()).verify(key.publicKey()), u.toString());
        }
        byte[] flipped = commit.sig();
        flipped[10] ^= 1;
        assertFalse(new Commit(commit.unsigned(), flipped).verify(key.publicKey()));
    }

    @Test
    void anotherKeyDoesNotVerify() {
        Commit commit = UnsignedCommit.of(DID, ROOT, REV).sign(key);
        assertFalse(commit.verify(KeyPair.generate(Curve.K256, RANDOM).publicKey()));
    }

    @Test
    void absentPrevIsEncodedAsNull() {
        Commit commit = UnsignedCommit.of(DID, ROOT, REV).sign(key);
        DataValue.MapValue decoded = (DataValue.MapValue) DagCbor.decode(commit.toBlock().bytes());
        assertEquals(Optional.of(DataValue.ofNull()), decoded.get("prev"));
        assertEquals(Optional.of(DataValue.ofNull()), ((DataValue.MapValue) DagCbor.decode(commit.unsigned().encode())).get("prev"));
        // the text key "prev" followed by CBOR null (0xf6), in the signed bytes as well
        String hex = HexFormat.of().formatHex(commit.unsigned().encode());
        assertTrue(hex.contains("6470726576f6"), hex);
    }

    @Test
    void encodingHasExactlyTheVersion3Fields() {
        DataValue.MapValue decoded = (DataValue.MapValue) DagCbor.decode(UnsignedCommit.of(DID, ROOT, REV).sign(key).toBlock().bytes());
        assertEquals(Set.of("did", "version", "data", "rev", "prev", "sig"), decoded.entries().keySet());
        assertEquals(Optional.of(DataValue.of(3)), decoded.get("version"));
        assertEquals(Optional.of(DataValue.of(ROOT)), decoded.get("data"));
        assertEquals(Optional.of(DataValue.of(REV.value())), decoded.get("rev"));
        assertEquals(Optional.of(DataValue.of(DID.value())), decoded.get("did"));
    }

    @Test
    void roundTripsThroughBlockAndDataValue() {
        Commit commit = UnsignedCommit.of(DID, ROOT, REV).sign(key);
        Block block = commit.toBlock();

        Commit back = Commit.fromBlock(block);
        assertEquals(commit, back);
        assertEquals(block.cid(), back.cid());
        assertEquals(commit, Commit.fromDataValue(commit.toDataValue()));
        assertTrue(back.verify(key.publicKey()));

        Commit withPrev = new UnsignedCommit(DID, ROOT, REV, Optional.of(block.cid())).sign(key);
        assertEquals(Optional.of(block.cid()), Commit.parse(withPrev.toBlock().bytes()).prev());
    }

    @Test
    void malformedCommitsAreRejected() {
        DataValue.MapValue good = UnsignedCommit.of(DID, ROOT, REV).sign(key).toDataValue();
        List<DataValue> bad = List.of(
                DataValue.list(List.of()),
                without(good, "prev"),
                without(good, "sig"),
                without(good, "data"),
                good.with("version", DataValue.of(2)),
                good.with("extra", DataValue.of(1)),
                good.with("did", DataValue.of("not a did")),
                good.with("rev", DataValue.of("not-a-tid")),
                good.with("data", DataValue.of("bafy")),
                good.with("prev", DataValue.of(1)),
                good.with("sig", DataValue.bytes(new byte[0])),
                good.with("data", DataValue.of(Cid.ofRaw(new byte[] {1}))));
        for (DataValue v : bad) {
            RepoException e = assertThrows(RepoException.class, () -> Commit.fromDataValue(v), v.toString());
            assertFalse(e.getMessage().isBlank());
        }
        assertThrows(RepoException.class, () -> Commit.parse(new byte[] {(byte) 0xff}));
    }

    @Test
    void missingPrevMessageSaysItIsRequired() {
        DataValue.MapValue good = UnsignedCommit.of(DID, ROOT, REV).sign(key).toDataValue();
        RepoException e = assertThrows(RepoException.class, () -> Commit.fromDataValue(without(good, "prev")));
        assertTrue(e.getMessage().contains("prev"), e.getMessage());
    }

    private static DataValue.MapValue without(DataValue.MapValue map, String key) {
        var copy = new LinkedHashMap<>(map.entries());
        copy.remove(key);
        return new DataValue.MapValue(copy);
    }
}
