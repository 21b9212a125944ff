package org.auroralocus.atproto.identity.plc;

import static org.auroralocus.atproto.identity.plc.PlcTestKeys.RECOVERY;
import static org.auroralocus.atproto.identity.plc.PlcTestKeys.ROTATION;
import static org.auroralocus.atproto.identity.plc.PlcTestKeys.SIGNING;
import static org.auroralocus.atproto.identity.plc.PlcTestKeys.STRANGER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedPlcOpTest {
    private static final BigInteger SECP256K1_ORDER =
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    static PlcOperation genesis() {
        return PlcOperation.atprotoGenesis(List.of(ROTATION.publicKey(), RECOVERY.publicKey()), SIGNING.publicKey(),
                Handle.parse("alice.example.com"), "https://pds.example.com");
    }

    @Test
    void legacyGenesisHashesToTheDidTheDirectoryGaveIt() {
        SignedPlcOp op = SignedPlcOp.parse(PlcVectors.LEGACY_GENESIS);

        assertEquals(Did.parse(PlcVectors.LEGACY_DID), op.genesisDid());
        assertEquals(PlcVectors.LEGACY_GENESIS_CID, op.cid().toString());
    }

    @Test
    void regularOperationsHaveTheCidsTheDirectoryGaveThem() {
        assertEquals(PlcVectors.LEGACY_UPDATE_CID, SignedPlcOp.parse(PlcVectors.LEGACY_UPDATE).cid().toString());
        assertEquals(PlcVectors.TOMBSTONED_GENESIS_CID, SignedPlcOp.parse(PlcVectors.TOMBSTONED_GENESIS).cid().toString());
        assertEquals(PlcVectors.TOMBSTONE_CID, SignedPlcOp.parse(PlcVectors.TOMBSTONE).cid().toString());
        assertEquals(Did.parse(PlcVectors.TOMBSTONED_DID), SignedPlcOp.parse(PlcVectors.TOMBSTONED_GENESIS).genesisDid());
    }

    @Test
    void knownSignaturesVerifyUnderTheRotationKeysInForce() {
        SignedPlcOp genesis = SignedPlcOp.parse(PlcVectors.LEGACY_GENESIS);
        SignedPlcOp update = SignedPlcOp.parse(PlcVectors.LEGACY_UPDATE);
        List<String> keys = genesis.state().orElseThrow().rotationKeys();

        assertTrue(genesis.signerAmong(keys).isPresent());
        assertTrue(update.signerAmong(keys).isPresent());
    }

    @Test
    void highSSignatureIsRejectedThoughMathematicallyValid() {
        SignedPlcOp op = SignedPlcOp.parse(PlcVectors.HIGH_S_GENESIS);

        assertEquals(PlcVectors.HIGH_S_GENESIS_CID, op.cid().toString());
        assertEquals(Optional.empty(), op.signerAmong(op.state().orElseThrow().rotationKeys()));
    }

    @Test
    void ourSignatureVerifiesUnderTheSigningRotationKeyOnly() {
        SignedPlcOp signed = genesis().sign(RECOVERY);

        assertEquals(Optional.of(RECOVERY.publicKey().didKey()), signed.signerAmong(signed.state().orElseThrow().rotationKeys()));
        assertEquals(Optional.empty(), signed.signerAmong(List.of(ROTATION.publicKey().didKey(), STRANGER.publicKey().didKey())));
    }

    @Test
    void tamperedOperationNoLongerVerifies() {
        SignedPlcOp signed = genesis().sign(ROTATION);
        PlcOperation changed = ((PlcOperation) signed.op()).withHandle(Handle.parse("mallory.example.com"));
        SignedPlcOp tampered = new SignedPlcOp(changed, signed.sig());

        assertEquals(Optional.empty(), tampered.signerAmong(changed.rotationKeys()));
    }

    @Test
    void ourHighSTwinOfALowSSignatureIsRejected() {
        SignedPlcOp signed = genesis().sign(ROTATION);
        byte[] sig = Base64.getUrlDecoder().decode(signed.sig());
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        byte[] highS = SECP256K1_ORDER.subtract(s).toByteArray();
        byte[] twin = Arrays.copyOf(sig, 64);
        System.arraycopy(highS, highS.length - 32, twin, 32, 32);
        SignedPlcOp malleated = new SignedPlcOp(signed.op(), Base64.getUrlEncoder().withoutPadding().encodeToString(twin));

        assertEquals(Optional.empty(), malleated.signerAmong(List.of(ROTATION.publicKey().didKey())));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"padded", "standard-alphabet character", "trailing newline", "non-zero padding bits"})
    void nonCanonicalSigTextIsRejected(String variant) {
        SignedPlcOp signed = genesis().sign(ROTATION);
        String sig = signed.sig();
        String altered = switch (variant) {
            case "padded" -> sig + "==";
            case "standard-alphabet character" -> "+" + sig.substring(1);
            case "trailing newline" -> sig + "\n";
            default -> sig.substring(0, sig.length() - 1) + flipLowestBit(sig.charAt(sig.length() - 1));
        };

        assertTrue(signed.signerAmong(List.of(ROTATION.publicKey().didKey())).isPresent());
        assertEquals(Optional.empty(), new SignedPlcOp(signed.op(), altered).signerAmong(List.of(ROTATION.publicKey().didKey())));
    }

    @Test
    void jsonRoundTripKeepsTheCid() {
        SignedPlcOp signed = genesis().sign(ROTATION);

        SignedPlcOp back = SignedPlcOp.parse(signed.toJson().toString());

        assertEquals(signed, back);
        assertEquals(signed.cid(), back.cid());
        assertArrayEquals(signed.dagCbor(), back.dagCbor());
    }

    @Test
    void genesisDidIsTwentyFourBase32Characters() {
        Did did = genesis().sign(ROTATION).genesisDid();

        assertTrue(did.toString().matches("did:plc:[a-z2-7]{24}"), did.toString());
    }

    @Test
    void updateNamesNoDid() {
        SignedPlcOp update = genesis().withPrev(Cid.parse(PlcVectors.LEGACY_GENESIS_CID)).sign(ROTATION);

        assertThrows(IllegalStateException.class, update::genesisDid);
    }

    @Test
    void nextOperationContinuesFromThisOne() {
        SignedPlcOp signed = genesis().sign(ROTATION);

        PlcOperation next = signed.nextOperation().orElseThrow();

        assertEquals(Optional.of(signed.cid()), next.prev());
        assertEquals(((PlcOperation) signed.op()).rotationKeys(), next.rotationKeys());
    }

    @Test
    void nothingFollowsATombstone() {
        assertEquals(Optional.empty(), SignedPlcOp.parse(PlcVectors.TOMBSTONE).nextOperation());
    }

    @Test
    void legacyCreateContinuesAsItsNormalizedForm() {
        PlcOperation next = SignedPlcOp.parse(PlcVectors.LEGACY_GENESIS).nextOperation().orElseThrow();

        assertEquals(List.of("at://dan.bsky.social"), next.alsoKnownAs());
        assertEquals(List.of("did:key:zQ3shhCGUqDKjStzuDxPkTxN6ujddP4RkEKJJouJGRRkaLGbg",
                "did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ"), next.rotationKeys());
        assertEquals(Optional.of("https://bsky.social"), next.pdsEndpoint());
        assertEquals(Optional.of(Cid.parse(PlcVectors.LEGACY_GENESIS_CID)), next.prev());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"type\":\"plc_tombstone\",\"prev\":\"bafyreihqa4o4gsyai22ydms6j4cua6yr6tuc7trq2temvnycadk2daniru\",\"sig\":\"x\",\"extra\":1}",
        "{\"type\":\"plc_tombstone\",\"sig\":\"x\"}",
        "{\"type\":\"plc_tombstone\",\"prev\":null,\"sig\":\"x\"}",
        "{\"type\":\"plc_tombstone\",\"prev\":\"not-a-cid\",\"sig\":\"x\"}",
        "{\"type\":\"plc_tombstone\",\"prev\":\"bafyreihqa4o4gsyai22ydms6j4cua6yr6tuc7trq2temvnycadk2daniru\",\"sig\":\"x\",\"sig\":\"y\"}",
        "{\"type\":\"plc_operation\",\"rotationKeys\":\"k\",\"verificationMethods\":{},\"alsoKnownAs\":[],\"services\":{},\"prev\":null,\"sig\":\"x\"}",
        "{\"type\":\"plc_operation\",\"rotationKeys\":[],\"verificationMethods\":{},\"alsoKnownAs\":[],\"services\":{\"a\":{\"type\":\"t\"}},\"prev\":null,\"sig\":\"x\"}",
        "{\"type\":\"plc_operation\",\"rotationKeys\":[],\"verificationMethods\":{},\"alsoKnownAs\":[],\"services\":{},\"sig\":\"x\"}",
        "{\"type\":\"create\",\"signingKey\":\"a\",\"recoveryKey\":\"b\",\"handle\":\"h\",\"service\":\"s\",\"prev\":\"bafyreihqa4o4gsyai22ydms6j4cua6yr6tuc7trq2temvnycadk2daniru\",\"sig\":\"x\"}",
        "{\"type\":\"plc_something\",\"sig\":\"x\"}",
        "[]",
        "not json"})
    void malformedOperationIsRejected(String json) {
        assertThrows(InvalidPlcOperationException.class, () -> SignedPlcOp.parse(json));
    }

    private static char flipLowestBit(char c) {
        // 64 bytes take 86 characters, whose last one carries 4 unused bits that must be zero
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt(alphabet.indexOf(c) ^ 1);
    }
}
