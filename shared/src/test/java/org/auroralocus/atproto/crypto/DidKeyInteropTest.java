package org.auroralocus.atproto.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.auroralocus.atproto.kit.Kit;
import org.auroralocus.atproto.multibase.Base58Btc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** crypto/w3c_didkey_K256.json and w3c_didkey_P256.json: private key to did:key and back. */
class DidKeyInteropTest {
    static Stream<Arguments> vectors() throws IOException {
        Stream<Arguments> k256 = entries("crypto/w3c_didkey_K256.json").map(v -> Arguments.of(
                v.get("publicDidKey").asText(), Curve.K256, HexFormat.of().parseHex(v.get("privateKeyBytesHex").asText())));
        // plain base58btc, without the multibase 'z'
        Stream<Arguments> p256 = entries("crypto/w3c_didkey_P256.json").map(v -> Arguments.of(
                v.get("publicDidKey").asText(), Curve.P256, Base58Btc.decode(v.get("privateKeyBytesBase58").asText())));
        return Stream.concat(k256, p256);
    }

    private static Stream<JsonNode> entries(String file) throws IOException {
        JsonNode array = new ObjectMapper().readTree(Kit.vectors(file).toFile());
        return StreamSupport.stream(array.spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void privateKeyDerivesTheExpectedDidKey(String didKey, Curve curve, byte[] privateKey) {
        assertEquals(didKey, KeyPair.fromPrivateKeyBytes(curve, privateKey).publicKey().didKey());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void didKeyParsesToTheDerivedKeyAndFormatsBackUnchanged(String didKey, Curve curve, byte[] privateKey) {
        PublicKey parsed = PublicKey.parseDidKey(didKey);

        assertEquals(curve, parsed.curve());
        assertEquals(KeyPair.fromPrivateKeyBytes(curve, privateKey).publicKey(), parsed);
        assertEquals(didKey, parsed.didKey());
        assertEquals(didKey, "did:key:" + parsed.multikey());
        assertEquals(parsed, PublicKey.parseMultikey(parsed.multikey()));
    }
}
