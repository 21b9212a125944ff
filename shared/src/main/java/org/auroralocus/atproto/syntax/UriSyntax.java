package org.auroralocus.atproto.syntax;

import java.nio.charset.StandardCharsets;

/**
 * The lexicon {@code uri} string format (https://atproto.com/specs/lexicon#uri): any RFC 3986 scheme
 * ({@code https:}, {@code at:}, {@code did:}, {@code dns:}, ...), something after the colon, no whitespace, at
 * most 8 KB. Checked as a string only. Deliberately lenient about the part after the scheme: records in the
 * network carry unescaped non-ASCII (IRIs) there, which the official implementation accepts, and rejecting
 * them here would make their records fail to validate.
 */
public final class UriSyntax {
    static final int MAX_BYTES = 8 * 1024;

    private UriSyntax() {}

    public static boolean isValid(String s) {
        if (s == null || s.length() > MAX_BYTES) return false;
        int colon = schemeEnd(s);
        if (colon < 0 || colon == s.length() - 1) return false;
        boolean ascii = true;
        for (int i = colon + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                return false;
            }
            ascii &= c < 0x80;
        }
        return ascii || s.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** The index of the colon after a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !Ascii.letter(s.charAt(0))) return -1;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') return i;
            if (!Ascii.alnum(c) && c != '+' && c != '-' && c != '.') return -1;
        }
        return -1;
    }
}
