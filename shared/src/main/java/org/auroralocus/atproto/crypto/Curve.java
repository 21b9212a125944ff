package org.auroralocus.atproto.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * The two elliptic curves atproto supports (https://atproto.com/specs/cryptography), with the names
 * each context gives them: multicodec code (did:key and Multikey), JWT {@code alg}, and the legacy
 * DID-document verification-method type.
 */
public enum Curve {
    /** secp256k1, the curve the official PDS uses for new keys. */
    K256("secp256k1", 0xe7, "ES256K", "EcdsaSecp256k1VerificationKey2019"),
    /** NIST P-256, aka secp256r1 or prime256v1. */
    P256("secp256r1", 0x1200, "ES256", "EcdsaSecp256r1VerificationKey2019");

    private final int multicodec;
    private final byte[] multicodecPrefix;
    private final String jwtAlg;
    private final String legacyVerificationMethodType;
    // BouncyCastle's custom curve implementations (fast field arithmetic, GLV for secp256k1). Every
    // key on a curve shares this one instance, so the base point's precomputed multiples are built
    // once and reused by every signature.
    private final ECDomainParameters domain;
    private final BigInteger halfOrder;

    Curve(String secName, int multicodec, String jwtAlg, String legacyVerificationMethodType) {
        this.multicodec = multicodec;
        this.multicodecPrefix = varint(multicodec);
        this.jwtAlg = jwtAlg;
        this.legacyVerificationMethodType = legacyVerificationMethodType;
        this.domain = new ECDomainParameters(CustomNamedCurves.getByName(secName));
        this.halfOrder = domain.getN().shiftRight(1);
    }

    /** The curve a JWT {@code alg} names ({@code ES256K} or {@code ES256}). */
    public static Optional<Curve> forJwtAlg(String alg) {
        return Arrays.stream(values()).filter(c -> c.jwtAlg.equals(alg)).findFirst();
    }

    /** The curve a legacy DID-document verification-method {@code type} names. */
    public static Optional<Curve> forLegacyVerificationMethodType(String type) {
        return Arrays.stream(values()).filter(c -> c.legacyVerificationMethodType.equals(type)).findFirst();
    }

    /** The multicodec code of the compressed public key: secp256k1-pub 0xe7, p256-pub 0x1200. */
    public int multicodec() {
        return multicodec;
    }

    /** {@code ES256K} or {@code ES256}. */
    public String jwtAlg() {
        return jwtAlg;
    }

    /** {@code EcdsaSecp256k1VerificationKey2019} or {@code EcdsaSecp256r1VerificationKey2019}. */
    public String legacyVerificationMethodType() {
        return legacyVerificationMethodType;
    }

    /** The multicodec code as the unsigned varint that precedes the key bytes in a multikey. */
    byte[] multicodecPrefix() {
        return multicodecPrefix.clone();
    }

    ECDomainParameters domain() {
        return domain;
    }

    BigInteger order() {
        return domain.getN();
    }

    /** n/2: atproto accepts only signatures whose s is at most this ("low-S"). */
    BigInteger halfOrder() {
        return halfOrder;
    }

    private static byte[] varint(int value) {
        byte[] buffer = new byte[5];
        int n = 0;
        int rest = value;
        while (rest >= 0x80) {
            buffer[n++] = (byte) ((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        buffer[n++] = (byte) rest;
        return Arrays.copyOf(buffer, n);
    }
}
