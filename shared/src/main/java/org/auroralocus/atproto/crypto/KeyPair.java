package org.auroralocus.atproto.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * A private key with its public key: signs repository commits, PLC operations and JWTs.
 *
 * <p>The private key leaves only through {@link #privateKeyBytes()} and {@link #privateKeyHex()},
 * for storage; {@link #toString()} and exception messages never show it. Immutable and safe to
 * share between threads.
 */
public final class KeyPair implements Signer {
    private static final int PRIVATE_KEY_LENGTH = 32;

    private final ECPrivateKeyParameters privateKey;
    private final PublicKey publicKey;

    private KeyPair(ECPrivateKeyParameters privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A new random key pair. */
    public static KeyPair generate(Curve curve, SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(curve.domain(), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPoint point = ((ECPublicKeyParameters) pair.getPublic()).getQ();
        return new KeyPair((ECPrivateKeyParameters) pair.getPrivate(), PublicKey.of(curve, point));
    }

    /** The key pair of a 32-byte big-endian private scalar, which must lie in [1, n-1]. */
    public static KeyPair fromPrivateKeyBytes(Curve curve, byte[] privateKey) {
        if (privateKey.length != PRIVATE_KEY_LENGTH) {
            throw new KeyFormatException(curve + " private key must be " + PRIVATE_KEY_LENGTH + " bytes, got " + privateKey.length);
        }
        BigInteger d = new BigInteger(1, privateKey);
        if (d.signum() == 0 || d.compareTo(curve.order()) >= 0) {
            throw new KeyFormatException(curve + " private key is out of range (must be between 1 and the group order - 1)");
        }
        ECPoint point = new FixedPointCombMultiplier().multiply(curve.domain().getG(), d).normalize();
        return new KeyPair(new ECPrivateKeyParameters(d, curve.domain()), PublicKey.of(curve, point));
    }

    /** From 64 hex digits, the form the PDS keeps its rotation and signing keys in. */
    public static KeyPair fromHex(Curve curve, String hex) {
        // no cause attached: the parser's message would quote characters of the secret
        if (hex.length() != 2 * PRIVATE_KEY_LENGTH || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new KeyFormatException(curve + " private key must be " + 2 * PRIVATE_KEY_LENGTH + " hex digits");
        }
        return fromPrivateKeyBytes(curve, HexFormat.of().parseHex(hex));
    }

    public Curve curve() {
        return publicKey.curve();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The private scalar, 32 bytes big-endian. Secret: store it, never log it. */
    public byte[] privateKeyBytes() {
        return BigIntegers.asUnsignedByteArray(PRIVATE_KEY_LENGTH, privateKey.getD());
    }

    /** The private scalar as 64 lower-case hex digits. Secret: store it, never log it. */
    public String privateKeyHex() {
        return HexFormat.of().formatHex(privateKeyBytes());
    }

    /** The 64-byte compact low-S signature of SHA-256(data); deterministic (RFC 6979). */
    @Override
    public byte[] sign(byte[] data) {
        return Ecdsa.sign(privateKey, curve(), data);
    }

    /** Names the public key only. */
    @Override
    public String toString() {
        return "KeyPair[" + curve() + " " + publicKey.didKey() + "]";
    }
}
