package org.auroralocus.atproto.identity.plc;

import java.util.Base64;
import java.util.Optional;

/**
 * The text form of an operation's {@code sig}: base64url without padding. Decoding is strict — the
 * spec requires rejecting padding, other alphabets, whitespace and non-zero trailing bits, since each
 * would let one signature be written several ways, giving one operation several CIDs.
 */
final class PlcSignature {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PlcSignature() {}

    static String encode(byte[] signature) {
        return ENCODER.encodeToString(signature);
    }

    /** The signature bytes, or empty when the text is not canonical unpadded base64url. */
    static Optional<byte[]> decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!alphabet) return Optional.empty();
        }
        if (text.length() % 4 == 1) return Optional.empty();
        byte[] bytes = DECODER.decode(text);
        // the JDK decoder ignores the unused low bits of the last character; re-encoding exposes them
        return ENCODER.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }
}
