package org.auroralocus.atproto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.multibase.Base58Btc;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DidDocumentTest {
    /** The spec's example key (https://atproto.com/specs/did#legacy-representation) in its two encodings. */
    static final String MULTIKEY = "zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF";
    static final String LEGACY_K256 =
            "zQYEBzXeuTM9UR3rfvNag6L3RNAs5pQZyYPsomTsgQhsxLdEgCrPTLgFna8yqCnxPpNT7DBk6Ym3dgPKNu86vt9GR";
    static final String PLC_DID = "did:plc:z72i7hdynmk6r22z27h6tvur";

    /** Shaped like a plc.directory answer: absolute verification-method id, relative service id. */
    static String plcDocument(String did, String handle, String pds) {
        return """
                {
                  "@context": [
                    "https://www.w3.org/ns/did/v1",
                    "https://w3id.org/security/multikey/v1",
                    "https://w3id.org/security/suites/secp256k1-2019/v1"
                  ],
                  "id": "%1$s",
                  "alsoKnownAs": ["at://%2$s"],
                  "verificationMethod": [
                    {
                      "id": "%1$s#atproto",
                      "type": "Multikey",
                      "controller": "%1$s",
                      "publicKeyMultibase": "%4$s"
                    }
                  ],
                  "service": [
                    {
                      "id": "#atproto_pds",
                      "type": "AtprotoPersonalDataServer",
                      "serviceEndpoint": "%3$s"
                    }
                  ]
                }
                """.formatted(did, handle, pds, MULTIKEY);
    }

    private static String withFields(String fields) {
        return "{\"id\": \"" + PLC_DID + "\", " + fields + "}";
    }

    @Test
    void readsPlcDirectoryDocument() {
        DidDocument doc = DidDocument.parse(plcDocument(PLC_DID, "bsky.app", "https://puffball.us-east.host.bsky.network"));

        assertEquals(Did.parse(PLC_DID), doc.id());
        assertEquals(Optional.of(Handle.parse("bsky.app")), doc.handle());
        assertEquals(Optional.of(PublicKey.parseMultikey(MULTIKEY)), doc.atprotoKey());
        assertEquals(Optional.of(URI.create("https://puffball.us-east.host.bsky.network")), doc.pdsEndpoint());
    }

    @Test
    void keepsTheDocumentTextAsReceived() {
        String json = plcDocument(PLC_DID, "bsky.app", "https://pds.example.com");

        assertEquals(json, DidDocument.parse(json).json());
    }

    @Test
    void readsLegacyDocumentWithRelativeIdsAndUncompressedKey() {
        String json = """
                {
                  "@context": ["https://www.w3.org/ns/did/v1"],
                  "id": "did:web:legacy.example.com",
                  "alsoKnownAs": ["at://legacy.example.com"],
                  "verificationMethod": [{
                    "id": "#atproto",
                    "type": "EcdsaSecp256k1VerificationKey2019",
                    "controller": "did:web:legacy.example.com",
                    "publicKeyMultibase": "%s"
                  }],
                  "service": [{
                    "id": "did:web:legacy.example.com#atproto_pds",
                    "type": "AtprotoPersonalDataServer",
                    "serviceEndpoint": "https://pds.legacy.example.com"
                  }]
                }
                """.formatted(LEGACY_K256);

        DidDocument doc = DidDocument.parse(json);

        // the spec gives both encodings of one key: the legacy form must decode to the same key
        assertEquals(Optional.of(PublicKey.parseMultikey(MULTIKEY)), doc.atprotoKey());
        assertEquals(Optional.of(URI.create("https://pds.legacy.example.com")), doc.pdsEndpoint());
        assertEquals(Optional.of(Handle.parse("legacy.example.com")), doc.handle());
    }

    @Test
    void readsLegacyP256Key() {
        PublicKey key = KeyPair.fromHex(Curve.P256, "6b0b91287ae3348f8c2f2552d766f30e3604867e34adc37ccbb74a8e6b893e02").publicKey();
        String json = withFields("""
                "verificationMethod": [{"id": "#atproto", "type": "EcdsaSecp256r1VerificationKey2019",
                  "controller": "%s", "publicKeyMultibase": "z%s"}]""".formatted(PLC_DID, Base58Btc.encode(key.uncompressed())));

        assertEquals(Optional.of(key), DidDocument.parse(json).atprotoKey());
    }

    @Test
    void skipsUnreadableAtprotoKeyForTheNextValidOne() {
        String json = withFields("""
                "verificationMethod": [
                  {"id": "#atproto", "type": "JsonWebKey2020", "controller": "%1$s", "publicKeyJwk": {"kty": "EC"}},
                  {"id": "#atproto", "type": "Multikey", "controller": "%1$s", "publicKeyMultibase": "zNotAKey"},
                  {"id": "#atproto", "type": "Multikey", "controller": "%1$s", "publicKeyMultibase": "%2$s"}
                ]""".formatted(PLC_DID, MULTIKEY));

        assertEquals(Optional.of(PublicKey.parseMultikey(MULTIKEY)), DidDocument.parse(json).atprotoKey());
    }

    @Test
    void ignoresKeysOfOtherIdsAndOtherDids() {
        String json = withFields("""
                "verificationMethod": [
                  {"id": "did:plc:someoneelse#atproto", "type": "Multikey", "controller": "%1$s", "publicKeyMultibase": "%2$s"},
                  {"id": "%1$s#atproto_label", "type": "Multikey", "controller": "%1$s", "publicKeyMultibase": "%2$s"}
                ]""".formatted(PLC_DID, MULTIKEY));

        assertEquals(Optional.empty(), DidDocument.parse(json).atprotoKey());
    }

    @Test
    void handleIsTheFirstAtUriLowerCased() {
        String json = withFields("\"alsoKnownAs\": [\"https://example.com\", \"at://Alice.Example.COM\", \"at://bob.example.com\"]");

        assertEquals(Optional.of(Handle.parse("alice.example.com")), DidDocument.parse(json).handle());
    }

    @Test
    void invalidFirstHandleMeansNoHandle() {
        String json = withFields("\"alsoKnownAs\": [\"at://not a handle\", \"at://bob.example.com\"]");

        assertEquals(Optional.empty(), DidDocument.parse(json).handle());
    }

    @Test
    void documentWithoutOptionalFieldsHasNoAtprotoData() {
        DidDocument doc = DidDocument.parse(withFields("\"somethingElse\": 1"));

        assertEquals(Optional.empty(), doc.handle());
        assertEquals(Optional.empty(), doc.atprotoKey());
        assertEquals(Optional.empty(), doc.pdsEndpoint());
    }

    @Test
    void findsOtherServicesByIdAndType() {
        String json = withFields("""
                "service": [
                  {"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": "https://pds.example.com"},
                  {"id": "%s#bsky_appview", "type": "BskyAppView", "serviceEndpoint": "https://api.bsky.app"},
                  {"id": "#bsky_chat", "type": "BskyChatService", "serviceEndpoint": {"origin": "https://chat.example"}}
                ]""".formatted(PLC_DID));
        DidDocument doc = DidDocument.parse(json);

        assertEquals(Optional.of(URI.create("https://api.bsky.app")), doc.serviceEndpoint("#bsky_appview", "BskyAppView"));
        assertEquals(Optional.of(URI.create("https://api.bsky.app")), doc.serviceEndpoint("bsky_appview", "BskyAppView"));
        assertEquals(Optional.empty(), doc.serviceEndpoint("#bsky_appview", "AtprotoPersonalDataServer"));
        assertEquals(Optional.empty(), doc.serviceEndpoint("#bsky_chat", "BskyChatService"));
        assertEquals(3, doc.services().size());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"file:///etc/passwd", "ftp://pds.example.com", "/relative", "https://", "not a url"})
    void pdsEndpointMustBeAnHttpUrl(String endpoint) {
        String json = withFields("""
                "service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": "%s"}]"""
                .formatted(endpoint));

        assertEquals(Optional.empty(), DidDocument.parse(json).pdsEndpoint());
    }

    @Test
    void pdsEndpointOfWrongTypeIsNotThePds() {
        String json = withFields("""
                "service": [{"id": "#atproto_pds", "type": "SomethingElse", "serviceEndpoint": "https://pds.example.com"}]""");

        assertEquals(Optional.empty(), DidDocument.parse(json).pdsEndpoint());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "not json",
            "",
            "[]",
            "{\"id\": \"did:plc:z72i7hdynmk6r22z27h6tvur\"} trailing",
            "{}",
            "{\"id\": \"not-a-did\"}",
            "{\"id\": 42}",
            "{\"id\": \"did:plc:z72i7hdynmk6r22z27h6tvur\", \"alsoKnownAs\": \"at://bsky.app\"}",
            "{\"id\": \"did:plc:z72i7hdynmk6r22z27h6tvur\", \"alsoKnownAs\": [7]}",
            "{\"id\": \"did:plc:z72i7hdynmk6r22z27h6tvur\", \"verificationMethod\": [{\"id\": \"#atproto\"}]}",
            "{\"id\": \"did:plc:z72i7hdynmk6r22z27h6tvur\", \"verificationMethod\": [\"#atproto\"]}",
            "{\"id\": \"did:plc:z72i7hdynmk6r22z27h6tvur\", \"service\": [{\"id\": \"#x\", \"type\": \"T\"}]}"})
    void rejectsMalformedDocuments(String json) {
        assertThrows(DidDocumentException.class, () -> DidDocument.parse(json));
    }

    @Test
    void listsEntriesInDocumentOrder() {
        DidDocument doc = DidDocument.parse(plcDocument(PLC_DID, "bsky.app", "https://pds.example.com"));

        assertEquals(List.of("at://bsky.app"), doc.alsoKnownAs());
        assertEquals(new VerificationMethod(PLC_DID + "#atproto", "Multikey", PLC_DID, Optional.of(MULTIKEY)),
                doc.verificationMethods().getFirst());
        assertTrue(doc.services().getFirst().endpoint().isPresent());
    }
}
