package org.auroralocus.atproto.multibase;

import java.util.Arrays;

/** Bitcoin's base58 alphabet, used for did:key multikeys after their {@code z} prefix. */
public final class Base58Btc {
    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] VALUES = new int[128];
    static final int MAX_DECODE_LENGTH = 2048;

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET[i]] = i;
    }

    private Base58Btc() {}

    public static String encode(byte[] data) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) zeros++;
        // base-256 to base-58 by repeated division; inputs are short (keys), so quadratic is fine
        byte[] digits = new byte[data.length * 138 / 100 + 1];
        int length = 0;
        for (int i = zeros; i < data.length; i++) {
            int carry = data[i] & 0xff;
            for (int j = 0; j < length; j++) {
                carry += (digits[j] & 0xff) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[length++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        StringBuilder out = new StringBuilder(zeros + length);
        out.repeat('1', zeros);
        for (int i = length - 1; i >= 0; i--) out.append(ALPHABET[digits[i]]);
        return out.toString();
    }

    /**
     * Decodes base58btc text of at most {@value #MAX_DECODE_LENGTH} characters. Decoding is
     * quadratic in the length, and the text comes from DID documents anyone can publish, so
     * length is capped far above any key (a multikey is under 60 characters).
     */
    public static byte[] decode(CharSequence text) {
        if (text.length() > MAX_DECODE_LENGTH) {
            throw new MultibaseException("base58btc text longer than " + MAX_DECODE_LENGTH + " characters");
        }
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') zeros++;
        byte[] bytes = new byte[text.length()];
        int length = 0;
        for (int i = zeros; i < text.length(); i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? VALUES[c] : -1;
            if (carry < 0) throw new MultibaseException("invalid base58btc character '" + c + "'");
            for (int j = 0; j < length; j++) {
                carry += (bytes[j] & 0xff) * 58;
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                bytes[length++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + length];
        for (int i = 0; i < length; i++) out[zeros + i] = bytes[length - 1 - i];
        return out;
    }
}
