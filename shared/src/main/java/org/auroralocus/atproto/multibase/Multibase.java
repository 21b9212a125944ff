package org.auroralocus.atproto.multibase;

/** Multibase strings: a one-character prefix naming the base, then the encoded bytes. */
public final class Multibase {
    private Multibase() {}

    public static String base32(byte[] data) {
        return "b" + Base32.encode(data);
    }

    public static String base58btc(byte[] data) {
        return "z" + Base58Btc.encode(data);
    }

    /** Decodes a base32 ({@code b}) or base58btc ({@code z}) multibase string. */
    public static byte[] decode(String text) {
        if (text.isEmpty()) throw new MultibaseException("empty multibase string");
        return switch (text.charAt(0)) {
            case 'b' -> Base32.decode(text.substring(1));
            case 'z' -> Base58Btc.decode(text.substring(1));
            default -> throw new MultibaseException("unsupported multibase prefix '" + text.charAt(0) + "'");
        };
    }
}
