package org.auroralocus.atproto.identity.plc;

import static org.auroralocus.atproto.identity.plc.PlcTestKeys.RECOVERY;
import static org.auroralocus.atproto.identity.plc.PlcTestKeys.ROTATION;
import static org.auroralocus.atproto.identity.plc.PlcTestKeys.SIGNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.junit.jupiter.api.Test;

class PlcDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SignedPlcOp genesis = SignedPlcOpTest.genesis().sign(ROTATION);
    private final Did did = genesis.genesisDid();
    private final PlcData data = PlcData.of(did, genesis).orElseThrow();

    @Test
    void didDocumentHasPlcDirectoryShape() throws Exception {
        String multikey = SIGNING.publicKey().multikey();
        JsonNode expected = JSON.readTree("""
                {"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1",
                              "https://w3id.org/security/suites/secp256k1-2019/v1"],
                 "id": "%1$s",
                 "alsoKnownAs": ["at://alice.example.com"],
                 "verificationMethod": [{"id": "%1$s#atproto", "type": "Multikey", "controller": "%1$s",
                                         "publicKeyMultibase": "%2$s"}],
                 "service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
                              "serviceEndpoint": "https://pds.example.com"}]}
                """.formatted(did, multikey));

        assertEquals(expected, data.didDocument());
    }

    @Test
    void eachKeyTypeAddsItsSuiteContextOnceAndUnknownTypesNone() {
        Map<String, String> methods = new LinkedHashMap<>();
        methods.put("atproto", SIGNING.publicKey().didKey());
        methods.put("other", ROTATION.publicKey().didKey());
        methods.put("p256", RECOVERY.publicKey().didKey());
        methods.put("ed", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
        PlcData mixed = new PlcData(did, List.of(), methods, List.of(), Map.of());

        JsonNode context = mixed.didDocument().get("@context");

        assertEquals(List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1",
                "https://w3id.org/security/suites/secp256k1-2019/v1", "https://w3id.org/security/suites/ecdsa-2019/v1"),
                texts(context));
        assertEquals("z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                mixed.didDocument().get("verificationMethod").get(3).get("publicKeyMultibase").textValue());
    }

    @Test
    void dataJsonRoundTrips() {
        assertEquals(data, PlcData.fromJson(data.toJson()));
        assertEquals(List.of("did", "verificationMethods", "rotationKeys", "alsoKnownAs", "services"),
                data.toJson().properties().stream().map(Map.Entry::getKey).toList());
    }

    @Test
    void dataWithExtraFieldIsRejected() {
        assertThrows(InvalidPlcOperationException.class, () -> PlcData.fromJson(data.toJson().put("prev", "x")));
    }

    @Test
    void tombstoneLeavesNoData() {
        assertEquals(Optional.empty(), PlcData.of(did, new PlcTombstone(genesis.cid()).sign(ROTATION)));
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::textValue).toList();
    }
}
