package org.auroralocus.atproto.syntax;

/**
 * The lexicon {@code cid} string format: a CIDv1 in any multibase, checked as a string only. Lexicon validation
 * accepts any CID a peer may write, so this does not decode it; {@code cbor.Cid} parses the CIDs atproto itself
 * makes. A legacy CIDv0 ({@code Qm...}, bare base58 with no multibase prefix) is rejected: atproto uses CIDv1
 * only (https://atproto.com/specs/data-model).
 */
public final class CidSyntax {
    /** A CIDv1 is at least 4 bytes (version, codec, hash code, digest length); less is not a CID. */
    static final int MIN_LENGTH = 8;
    /** A sha2-512 CID in base16 is under 140 characters; the bound only caps work on hostile input. */
    static final int MAX_LENGTH = 512;

    private CidSyntax() {}

    /** A multibase prefix this knows, followed only by characters of that base's alphabet. */
    public static boolean isValid(String s) {
        if (s == null || s.length() < MIN_LENGTH || s.length() > MAX_LENGTH) return false;
        Multibase base = Multibase.of(s.charAt(0));
        if (base == null) return false;
        int end = s.length();
        if (base.padded) {
            while (end > 1 && s.charAt(end - 1) == '=') end--;
        }
        for (int i = 1; i < end; i++) {
            if (base.alphabet.indexOf(s.charAt(i)) < 0) return false;
        }
        return end > 1;
    }

    /** The multibase table (https://github.com/multiformats/multibase), without identity and emoji. */
    private enum Multibase {
        BASE2("01", false),
        BASE8("01234567", false),
        BASE10("0123456789", false),
        BASE16("0123456789abcdef", false),
        BASE16_UPPER("0123456789ABCDEF", false),
        BASE32_HEX("0123456789abcdefghijklmnopqrstuv", false),
        BASE32_HEX_UPPER("0123456789ABCDEFGHIJKLMNOPQRSTUV", false),
        BASE32_HEX_PAD("0123456789abcdefghijklmnopqrstuv", true),
        BASE32_HEX_PAD_UPPER("0123456789ABCDEFGHIJKLMNOPQRSTUV", true),
        BASE32("abcdefghijklmnopqrstuvwxyz234567", false),
        BASE32_UPPER("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", false),
        BASE32_PAD("abcdefghijklmnopqrstuvwxyz234567", true),
        BASE32_PAD_UPPER("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", true),
        BASE32_Z("ybndrfg8ejkmcpqxot1uwisza345h769", false),
        BASE36("0123456789abcdefghijklmnopqrstuvwxyz", false),
        BASE36_UPPER("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", false),
        BASE58_BTC("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", false),
        BASE58_FLICKR("123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", false),
        BASE64("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", false),
        BASE64_PAD("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", true),
        BASE64_URL("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", false),
        BASE64_URL_PAD("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", true);

        final String alphabet;
        final boolean padded;

        Multibase(String alphabet, boolean padded) {
            this.alphabet = alphabet;
            this.padded = padded;
        }

        /** The base a prefix character announces, or null for none. */
        static Multibase of(char prefix) {
            return switch (prefix) {
                case '0' -> BASE2;
                case '7' -> BASE8;
                case '9' -> BASE10;
                case 'f' -> BASE16;
                case 'F' -> BASE16_UPPER;
                case 'v' -> BASE32_HEX;
                case 'V' -> BASE32_HEX_UPPER;
                case 't' -> BASE32_HEX_PAD;
                case 'T' -> BASE32_HEX_PAD_UPPER;
                case 'b' -> BASE32;
                case 'B' -> BASE32_UPPER;
                case 'c' -> BASE32_PAD;
                case 'C' -> BASE32_PAD_UPPER;
                case 'h' -> BASE32_Z;
                case 'k' -> BASE36;
                case 'K' -> BASE36_UPPER;
                case 'z' -> BASE58_BTC;
                case 'Z' -> BASE58_FLICKR;
                case 'm' -> BASE64;
                case 'M' -> BASE64_PAD;
                case 'u' -> BASE64_URL;
                case 'U' -> BASE64_URL_PAD;
                default -> null;
            };
        }
    }
}
