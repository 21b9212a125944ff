package org.auroralocus.atproto.identity.plc;

import static org.auroralocus.atproto.identity.plc.PlcTestKeys.RECOVERY;
import static org.auroralocus.atproto.identity.plc.PlcTestKeys.ROTATION;
import static org.auroralocus.atproto.identity.plc.PlcTestKeys.SIGNING;
import static org.auroralocus.atproto.identity.plc.PlcTestKeys.STRANGER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Handle;
import org.junit.jupiter.api.Test;

class PlcOperationTest {
    private final PlcOperation genesis = SignedPlcOpTest.genesis();

    @Test
    void atprotoGenesisHasTheShapeTheOfficialPdsWrites() {
        assertEquals(List.of(ROTATION.publicKey().didKey(), RECOVERY.publicKey().didKey()), genesis.rotationKeys());
        assertEquals(Map.of("atproto", SIGNING.publicKey().didKey()), genesis.verificationMethods());
        assertEquals(List.of("at://alice.example.com"), genesis.alsoKnownAs());
        assertEquals(Map.of("atproto_pds", new PlcService("AtprotoPersonalDataServer", "https://pds.example.com")), genesis.services());
        assertEquals(Optional.empty(), genesis.prev());
        assertEquals("{\"type\":\"plc_operation\",\"verificationMethods\":{\"atproto\":\"" + SIGNING.publicKey().didKey() + "\"},"
                + "\"rotationKeys\":[\"" + ROTATION.publicKey().didKey() + "\",\"" + RECOVERY.publicKey().didKey() + "\"],"
                + "\"alsoKnownAs\":[\"at://alice.example.com\"],"
                + "\"services\":{\"atproto_pds\":{\"type\":\"AtprotoPersonalDataServer\",\"endpoint\":\"https://pds.example.com\"}},"
                + "\"prev\":null,\"sig\":\"s\"}", new SignedPlcOp(genesis, "s").toJson().toString());
    }

    @Test
    void newHandleReplacesTheFirstAtUriAndKeepsOtherAliases() {
        PlcOperation withAliases = new PlcOperation(genesis.rotationKeys(), genesis.verificationMethods(),
                List.of("https://alice.example.org", "at://alice.example.com", "at://old.example.com"), genesis.services(), Optional.empty());

        PlcOperation renamed = withAliases.withHandle(Handle.parse("bob.example.com"));

        assertEquals(List.of("https://alice.example.org", "at://bob.example.com", "at://old.example.com"), renamed.alsoKnownAs());
        assertEquals(Optional.of(Handle.parse("bob.example.com")), renamed.handle());
    }

    @Test
    void newHandleGoesFirstWhenThereIsNoAtUri() {
        PlcOperation none = new PlcOperation(genesis.rotationKeys(), genesis.verificationMethods(),
                List.of("https://alice.example.org"), genesis.services(), Optional.empty());

        assertEquals(List.of("at://bob.example.com", "https://alice.example.org"),
                none.withHandle(Handle.parse("bob.example.com")).alsoKnownAs());
    }

    @Test
    void movingPdsChangesOnlyItsEndpoint() {
        PlcOperation moved = genesis.withPdsEndpoint("https://other.example.net");

        assertEquals(Optional.of("https://other.example.net"), moved.pdsEndpoint());
        assertEquals(genesis.alsoKnownAs(), moved.alsoKnownAs());
        assertEquals(genesis.rotationKeys(), moved.rotationKeys());
    }

    @Test
    void keysAreReplacedAsDidKeys() {
        PlcOperation rekeyed = genesis.withSigningKey(STRANGER.publicKey()).withRotationKeys(List.of(RECOVERY.publicKey()));

        assertEquals(Optional.of(STRANGER.publicKey().didKey()), rekeyed.signingKey());
        assertEquals(List.of(RECOVERY.publicKey().didKey()), rekeyed.rotationKeys());
    }

    @Test
    void invalidHandleInAliasesIsNoHandle() {
        PlcOperation odd = new PlcOperation(List.of(), Map.of(), List.of("at://not a handle"), Map.of(), Optional.empty());

        assertEquals(Optional.empty(), odd.handle());
    }

    @Test
    void legacyCreateNormalizesAsTheOfficialLibraryDoes() {
        PlcLegacyCreate legacy = new PlcLegacyCreate("did:key:zS", "did:key:zR", "https://alice.example.com", "pds.example.com");

        PlcOperation normalized = legacy.normalized();

        assertEquals(List.of("did:key:zR", "did:key:zS"), normalized.rotationKeys());
        assertEquals(Map.of("atproto", "did:key:zS"), normalized.verificationMethods());
        assertEquals(List.of("at://alice.example.com"), normalized.alsoKnownAs());
        assertEquals(Optional.of("https://pds.example.com"), normalized.pdsEndpoint());
    }
}
