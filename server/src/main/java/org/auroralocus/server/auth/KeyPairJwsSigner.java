package org.auroralocus.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.auroralocus.atproto.crypto.KeyPair;

/**
 * Lets nimbus sign with one of our keys. JWS ES256K/ES256 signatures are the raw {@code r || s}
 * (RFC 7518 section 3.4), which is exactly what {@link KeyPair#sign} returns; going through it rather
 * than nimbus's own ECDSA signer keeps every signature low-S, as the official verifiers require.
 */
final class KeyPairJwsSigner implements JWSSigner {
    private final KeyPair key;
    private final JWSAlgorithm algorithm;
    private final JCAContext jca = new JCAContext();

    KeyPairJwsSigner(KeyPair key) {
        this.key = key;
        this.algorithm = algorithmOf(key);
    }

    /** {@code ES256K} for a K-256 key, {@code ES256} for a P-256 one. */
    static JWSAlgorithm algorithmOf(KeyPair key) {
        return JWSAlgorithm.parse(key.curve().jwtAlg());
    }

    @Override public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!algorithm.equals(header.getAlgorithm())) {
            throw new JOSEException("a " + key.curve() + " key signs " + algorithm + ", not " + header.getAlgorithm());
        }
        return Base64URL.encode(key.sign(signingInput));
    }

    @Override public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(algorithm);
    }

    @Override public JCAContext getJCAContext() {
        return jca;
    }
}
