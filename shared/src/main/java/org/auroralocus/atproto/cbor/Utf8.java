package org.auroralocus.atproto.cbor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as the data model needs it: strings are sequences of Unicode scalar values, so a Java
 * string with an unpaired surrogate has no encoding, and bytes that are not well-formed UTF-8
 * have no string. The JDK silently substitutes in both directions; these methods refuse instead.
 */
final class Utf8 {
    private Utf8() {}

    /** The encoded length in bytes; fails on an unpaired surrogate. */
    static int encodedLength(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) continue;
            if (c < 0x800) {
                bytes += 1;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            } else {
                if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw unpaired(i);
                }
                i++;
                bytes += 2; // four bytes for the two chars of the pair
            }
        }
        return bytes;
    }

    /** Fails unless every surrogate in the string is part of a pair. */
    static void requireWellFormed(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                throw unpaired(i);
            }
            i++;
        }
    }

    /** Writes a well-formed string into {@code buf} at {@code pos}, returning the position after it. */
    static int encode(String s, byte[] buf, int pos) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xc0 | c >>> 6);
                buf[pos++] = (byte) (0x80 | c & 0x3f);
            } else if (!Character.isSurrogate(c)) {
                buf[pos++] = (byte) (0xe0 | c >>> 12);
                buf[pos++] = (byte) (0x80 | c >>> 6 & 0x3f);
                buf[pos++] = (byte) (0x80 | c & 0x3f);
            } else {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xf0 | cp >>> 18);
                buf[pos++] = (byte) (0x80 | cp >>> 12 & 0x3f);
                buf[pos++] = (byte) (0x80 | cp >>> 6 & 0x3f);
                buf[pos++] = (byte) (0x80 | cp & 0x3f);
            }
        }
        return pos;
    }

    /**
     * Whether {@code decoded}, the JDK's decoding of the bytes, is their exact decoding. The JDK's
     * fast decoder replaces every malformed sequence (overlong forms, encoded surrogates, code points
     * above U+10FFFF, truncation) with U+FFFD, so a result without U+FFFD proves the bytes were
     * well-formed; only a string that contains U+FFFD, which is rare, pays for the strict check.
     */
    static boolean decodedExactly(String decoded, byte[] data, int offset, int length) {
        return decoded.indexOf('\uFFFD') < 0 || isWellFormed(data, offset, length);
    }

    private static boolean isWellFormed(byte[] data, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static DagCborException unpaired(int index) {
        return new DagCborException("string has an unpaired surrogate at index " + index
                + " (not a Unicode scalar value, so it has no UTF-8 encoding)");
    }
}
