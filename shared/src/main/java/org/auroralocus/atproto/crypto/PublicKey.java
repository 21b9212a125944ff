package org.auroralocus.atproto.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import org.auroralocus.atproto.multibase.Base58Btc;
import org.auroralocus.atproto.multibase.MultibaseException;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A K-256 or P-256 public key. Holding one means it is a valid point on its curve.
 *
 * <p>Untrusted text enters through {@link #parseDidKey}, {@link #parseMultikey} or
 * {@link #parseLegacyMultibase}; each throws {@link KeyFormatException} saying what was wrong. Keep
 * and reuse instances when verifying many signatures with one key: the point's precomputed
 * multiples are cached on it. Immutable and safe to share between threads.
 */
public final class PublicKey {
    static final int COMPRESSED_LENGTH = 33;
    private static final int UNCOMPRESSED_LENGTH = 65;

    private final Curve curve;
    private final ECPublicKeyParameters parameters;
    private final byte[] compressed;
    private final String multikey;

    private PublicKey(Curve curve, ECPublicKeyParameters parameters) {
        this.curve = curve;
        this.parameters = parameters;
        this.compressed = parameters.getQ().getEncoded(true);
        this.multikey = Multikey.format(curve, compressed);
    }

    /** The public key for a point already known to be valid (derived from a private key). */
    static PublicKey of(Curve curve, ECPoint point) {
        return new PublicKey(curve, new ECPublicKeyParameters(point, curve.domain()));
    }

    /** Parses {@code did:key:z...} (compressed secp256k1 or P-256 keys only). */
    public static PublicKey parseDidKey(String didKey) {
        return Multikey.parseDidKey(didKey);
    }

    /** Parses a multikey, {@code z...}: what a {@code Multikey} verification method's publicKeyMultibase holds. */
    public static PublicKey parseMultikey(String multikey) {
        return Multikey.parse(multikey);
    }

    /**
     * Parses the publicKeyMultibase of a legacy verification method ({@code EcdsaSecp256k1VerificationKey2019}
     * and the like): {@code z} + base58btc of the bare point without a multicodec; the curve comes from
     * the method's type. The spec says uncompressed, but compressed ones exist too; both are accepted.
     */
    public static PublicKey parseLegacyMultibase(Curve curve, String publicKeyMultibase) {
        if (publicKeyMultibase.isEmpty() || publicKeyMultibase.charAt(0) != 'z') {
            throw new KeyFormatException("legacy publicKeyMultibase must be base58btc (start with 'z'): "
                    + Multikey.abbreviate(publicKeyMultibase));
        }
        try {
            return fromBytes(curve, Base58Btc.decode(publicKeyMultibase.substring(1)));
        } catch (MultibaseException e) {
            throw new KeyFormatException("legacy publicKeyMultibase is not valid base58btc: "
                    + Multikey.abbreviate(publicKeyMultibase), e);
        }
    }

    /** A key from its SEC1 bytes: 33-byte compressed ({@code 02}/{@code 03} ‖ x) or 65-byte uncompressed ({@code 04} ‖ x ‖ y). */
    public static PublicKey fromBytes(Curve curve, byte[] sec1) {
        boolean wellFormed = (sec1.length == COMPRESSED_LENGTH && (sec1[0] == 2 || sec1[0] == 3))
                || (sec1.length == UNCOMPRESSED_LENGTH && sec1[0] == 4);
        if (!wellFormed) {
            String got = sec1.length == 0 ? "0 bytes" : sec1.length + " bytes starting 0x" + HexFormat.of().toHexDigits(sec1[0]);
            throw new KeyFormatException(curve + " public key must be a SEC1 point (33 bytes starting 0x02 or 0x03,"
                    + " or 65 bytes starting 0x04), got " + got);
        }
        try {
            // decodePoint checks the coordinates are field elements on the curve; the parameters
            // reject the point at infinity and check the point is valid once more
            ECPoint point = curve.domain().getCurve().decodePoint(sec1);
            return new PublicKey(curve, new ECPublicKeyParameters(point, curve.domain()));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("not a point on " + curve + ": " + e.getMessage(), e);
        }
    }

    public Curve curve() {
        return curve;
    }

    /** The 33-byte SEC1 compressed point. */
    public byte[] compressed() {
        return compressed.clone();
    }

    /** The 65-byte SEC1 uncompressed point ({@code 04} ‖ x ‖ y). */
    public byte[] uncompressed() {
        return parameters.getQ().getEncoded(false);
    }

    /** {@code z...}: the multikey, as a DID document's {@code Multikey} publicKeyMultibase holds it. */
    public String multikey() {
        return multikey;
    }

    /** {@code did:key:z...}. */
    public String didKey() {
        return Multikey.DID_KEY_PREFIX + multikey;
    }

    /**
     * atproto's verification: true only for a 64-byte compact, low-S signature of SHA-256(data).
     * High-S and DER-encoded signatures are false even though they are mathematically valid.
     */
    public boolean verify(byte[] data, byte[] signature) {
        return Ecdsa.verify(parameters, curve, data, signature, Ecdsa.Strictness.STRICT);
    }

    /**
     * The official PDS's lenient verification, for inbound service-auth JWTs only: also accepts
     * high-S and DER-encoded signatures. Everything the protocol stores uses {@link #verify}.
     */
    public boolean verifyLenient(byte[] data, byte[] signature) {
        return Ecdsa.verify(parameters, curve, data, signature, Ecdsa.Strictness.LENIENT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey other && curve == other.curve && Arrays.equals(compressed, other.compressed);
    }

    @Override
    public int hashCode() {
        return 31 * curve.ordinal() + Arrays.hashCode(compressed);
    }

    /** The did:key. */
    @Override
    public String toString() {
        return didKey();
    }
}
