package org.auroralocus.atproto.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over SHA-256 in atproto's signature form: 64 bytes, r then s, each big-endian and
 * zero-padded to 32 bytes, with s in the lower half of the group order.
 *
 * <p>Per call this builds only small objects (signer, digest, nonce generator); the heavy part, the
 * precomputed multiples of the base point and of each public key, lives on BouncyCastle's point
 * objects, which {@link Curve} and {@link PublicKey} keep for the life of the process.
 */
final class Ecdsa {
    static final int SIGNATURE_LENGTH = 64;
    private static final int SCALAR_LENGTH = 32;

    private Ecdsa() {}

    /** How much of ECDSA's malleability a verifier tolerates. */
    enum Strictness {
        /** atproto's rule: compact 64-byte form with low S, nothing else. */
        STRICT,
        /**
         * What the official PDS accepts on inbound service-auth JWTs ({@code allowMalleableSig}):
         * high S, and the ASN.1 DER form as well as the compact one.
         */
        LENIENT
    }

    /**
     * Signs SHA-256(data) with RFC 6979 deterministic nonces (HMAC-SHA256), so one key and one message
     * always give the same signature, then moves s to the lower half as atproto requires.
     */
    static byte[] sign(ECPrivateKeyParameters key, Curve curve, byte[] data) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(sha256(data));
        BigInteger s = rs[1].compareTo(curve.halfOrder()) > 0 ? curve.order().subtract(rs[1]) : rs[1];
        byte[] out = new byte[SIGNATURE_LENGTH];
        BigIntegers.asUnsignedByteArray(rs[0], out, 0, SCALAR_LENGTH);
        BigIntegers.asUnsignedByteArray(s, out, SCALAR_LENGTH, SCALAR_LENGTH);
        return out;
    }

    /** Whether {@code signature} is a valid signature of SHA-256(data); malformed input is simply invalid. */
    static boolean verify(ECPublicKeyParameters key, Curve curve, byte[] data, byte[] signature, Strictness strictness) {
        Optional<BigInteger[]> parsed = switch (strictness) {
            case STRICT -> compact(signature).filter(rs -> rs[1].compareTo(curve.halfOrder()) <= 0);
            case LENIENT -> signature.length == SIGNATURE_LENGTH ? compact(signature) : der(curve, signature);
        };
        if (parsed.isEmpty()) return false;
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        // rejects r or s outside [1, n-1] itself
        return verifier.verifySignature(sha256(data), parsed.get()[0], parsed.get()[1]);
    }

    private static Optional<BigInteger[]> compact(byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) return Optional.empty();
        return Optional.of(new BigInteger[] {
            new BigInteger(1, Arrays.copyOfRange(signature, 0, SCALAR_LENGTH)),
            new BigInteger(1, Arrays.copyOfRange(signature, SCALAR_LENGTH, SIGNATURE_LENGTH))
        });
    }

    /** Strict DER (BouncyCastle re-encodes and compares), so BER variants stay invalid even here. */
    private static Optional<BigInteger[]> der(Curve curve, byte[] signature) {
        try {
            return Optional.of(StandardDSAEncoding.INSTANCE.decode(curve.order(), signature));
        } catch (IOException | IllegalArgumentException | IllegalStateException malformed) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }
}
