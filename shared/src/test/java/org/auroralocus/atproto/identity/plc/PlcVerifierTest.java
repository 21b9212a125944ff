package org.auroralocus.atproto.identity.plc;

import static org.auroralocus.atproto.identity.plc.PlcTestKeys.RECOVERY;
import static org.auroralocus.atproto.identity.plc.PlcTestKeys.ROTATION;
import static org.auroralocus.atproto.identity.plc.PlcTestKeys.STRANGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlcVerifierTest {
    private final SignedPlcOp genesis = SignedPlcOpTest.genesis().sign(ROTATION);
    private final Did did = genesis.genesisDid();

    @Test
    void genesisSignedByItsOwnRotationKeyCreatesItsDid() {
        PlcOperation state = PlcVerifier.genesis(did, genesis);

        assertEquals(Optional.of(Handle.parse("alice.example.com")), state.handle());
    }

    @Test
    void genesisForAnotherDidIsRejectedNamingTheRightOne() {
        InvalidPlcOperationException e = assertThrows(InvalidPlcOperationException.class,
                () -> PlcVerifier.genesis(Did.parse("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"), genesis));

        assertEquals("Hash of genesis operation does not match DID identifier: " + did, e.getMessage());
    }

    @Test
    void genesisSignedByAKeyItDoesNotListIsRejected() {
        SignedPlcOp foreign = SignedPlcOpTest.genesis().sign(STRANGER);

        InvalidPlcOperationException e = assertThrows(InvalidPlcOperationException.class,
                () -> PlcVerifier.genesis(foreign.genesisDid(), foreign));

        assertTrue(e.getMessage().startsWith("Invalid signature on op: "), e.getMessage());
    }

    static List<PlcVectors.BadSignature> badSignatures() {
        return PlcVectors.BAD_SIGNATURES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignatures")
    void signatureInANonCanonicalFormIsRejected(PlcVectors.BadSignature vector) {
        SignedPlcOp op = SignedPlcOp.parse(vector.json());
        Did did = Did.parse(vector.did());

        assertEquals(did, op.genesisDid(), "the operation itself is the one the DID names");
        InvalidPlcOperationException e = assertThrows(InvalidPlcOperationException.class, () -> PlcVerifier.genesis(did, op));
        assertTrue(e.getMessage().startsWith("Invalid signature on op: "), e.getMessage());
    }

    @Test
    void updateSignedByAnyCurrentRotationKeyFollowsTheHead() {
        SignedPlcOp update = genesis.nextOperation().orElseThrow().withHandle(Handle.parse("bob.example.com")).sign(RECOVERY);

        PlcVerifier.next(genesis, update);
        assertEquals(Optional.of(Handle.parse("bob.example.com")),
                PlcVerifier.log(did, List.of(genesis, update)).orElseThrow().asOperation().handle());
    }

    @Test
    void updateSignedByANewlyListedKeyIsRejected() {
        // the keys of the operation being replaced decide, not the keys the update itself lists
        SignedPlcOp update = genesis.nextOperation().orElseThrow().withRotationKeys(List.of(STRANGER.publicKey())).sign(STRANGER);

        assertThrows(InvalidPlcOperationException.class, () -> PlcVerifier.next(genesis, update));
    }

    @Test
    void updateThatDoesNotNameTheHeadIsMisordered() {
        SignedPlcOp first = genesis.nextOperation().orElseThrow().withHandle(Handle.parse("bob.example.com")).sign(ROTATION);
        SignedPlcOp stale = genesis.nextOperation().orElseThrow().withHandle(Handle.parse("carol.example.com")).sign(ROTATION);

        InvalidPlcOperationException e = assertThrows(InvalidPlcOperationException.class, () -> PlcVerifier.next(first, stale));

        assertEquals("Operations not correctly ordered", e.getMessage());
    }

    @Test
    void knownLogWithLegacyGenesisVerifies() {
        List<SignedPlcOp> log = List.of(SignedPlcOp.parse(PlcVectors.LEGACY_GENESIS), SignedPlcOp.parse(PlcVectors.LEGACY_UPDATE));

        PlcData data = PlcVerifier.log(Did.parse(PlcVectors.LEGACY_DID), log).orElseThrow();

        assertEquals(List.of("at://dholms.xyz"), data.alsoKnownAs());
    }

    @Test
    void tombstonedLogEndsInNoState() {
        List<SignedPlcOp> log = List.of(SignedPlcOp.parse(PlcVectors.TOMBSTONED_GENESIS), SignedPlcOp.parse(PlcVectors.TOMBSTONE));

        assertEquals(Optional.empty(), PlcVerifier.log(Did.parse(PlcVectors.TOMBSTONED_DID), log));
    }

    @Test
    void nothingMayFollowATombstone() {
        SignedPlcOp tombstone = new PlcTombstone(genesis.cid()).sign(ROTATION);
        SignedPlcOp after = new PlcTombstone(tombstone.cid()).sign(ROTATION);

        assertThrows(InvalidPlcOperationException.class, () -> PlcVerifier.log(did, List.of(genesis, tombstone, after)));
    }

    @Test
    void legacyCreateCannotFollowAnything() {
        SignedPlcOp legacy = SignedPlcOp.parse(PlcVectors.LEGACY_GENESIS);

        assertThrows(InvalidPlcOperationException.class, () -> PlcVerifier.next(genesis, legacy));
    }

    @Test
    void tombstoneCannotBeAGenesis() {
        SignedPlcOp tombstone = SignedPlcOp.parse(PlcVectors.TOMBSTONE);

        assertThrows(InvalidPlcOperationException.class, () -> PlcVerifier.genesis(Did.parse(PlcVectors.TOMBSTONED_DID), tombstone));
    }
}
