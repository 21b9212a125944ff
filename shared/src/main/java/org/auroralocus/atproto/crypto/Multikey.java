package org.auroralocus.atproto.crypto;

import java.util.Arrays;
import org.auroralocus.atproto.multibase.Base58Btc;
import org.auroralocus.atproto.multibase.MultibaseException;

/**
 * The multikey text form of a public key: {@code z} + base58btc(varint multicodec ‖ 33-byte
 * compressed point). A did:key is {@code did:key:} + this. See
 * https://atproto.com/specs/cryptography#public-key-encoding.
 */
final class Multikey {
    static final String DID_KEY_PREFIX = "did:key:";
    private static final char BASE58BTC = 'z';

    private Multikey() {}

    static String format(Curve curve, byte[] compressed) {
        byte[] prefix = curve.multicodecPrefix();
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + compressed.length);
        System.arraycopy(compressed, 0, bytes, prefix.length, compressed.length);
        return BASE58BTC + Base58Btc.encode(bytes);
    }

    static PublicKey parseDidKey(String didKey) {
        if (!didKey.startsWith(DID_KEY_PREFIX)) {
            throw new KeyFormatException("not a did:key (expected the prefix \"did:key:\"): " + abbreviate(didKey));
        }
        return parse(didKey.substring(DID_KEY_PREFIX.length()));
    }

    static PublicKey parse(String multikey) {
        if (multikey.isEmpty() || multikey.charAt(0) != BASE58BTC) {
            throw new KeyFormatException("multikey must be base58btc (start with 'z'): " + abbreviate(multikey));
        }
        byte[] bytes;
        try {
            bytes = Base58Btc.decode(multikey.substring(1));
        } catch (MultibaseException e) {
            throw new KeyFormatException("multikey is not valid base58btc: " + abbreviate(multikey), e);
        }
        for (Curve curve : Curve.values()) {
            byte[] prefix = curve.multicodecPrefix();
            if (bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length)) {
                byte[] key = Arrays.copyOfRange(bytes, prefix.length, bytes.length);
                // did:key and Multikey carry only the compressed form; a 65-byte point here is malformed
                if (key.length != PublicKey.COMPRESSED_LENGTH) {
                    throw new KeyFormatException(curve + " multikey must hold a " + PublicKey.COMPRESSED_LENGTH
                            + "-byte compressed point, not " + key.length + " bytes: " + abbreviate(multikey));
                }
                return PublicKey.fromBytes(curve, key);
            }
        }
        throw new KeyFormatException("unsupported key type (multicodec " + describeCodec(bytes)
                + "; atproto uses secp256k1-pub 0xe7 and p256-pub 0x1200): " + abbreviate(multikey));
    }

    /** The leading varint as hex, for the error message only. */
    private static String describeCodec(byte[] bytes) {
        long code = 0;
        for (int i = 0; i < Math.min(bytes.length, 9); i++) {
            code |= (long) (bytes[i] & 0x7f) << (7 * i);
            if ((bytes[i] & 0x80) == 0) return "0x" + Long.toHexString(code);
        }
        return "unreadable";
    }

    /** Untrusted text goes into messages, so long input is cut short. */
    static String abbreviate(String text) {
        return text.length() <= 120 ? "\"" + text + "\"" : "\"" + text.substring(0, 117) + "...\"";
    }
}
