package org.auroralocus.atproto.cbor;

import java.util.Arrays;

/**
 * DAG-CBOR's map key order: shorter encoded keys first, then bytewise (RFC 7049 section 3.9
 * "canonical CBOR", which DAG-CBOR adopts). Keys are strings with minimal headers, so comparing
 * the UTF-8 lengths is comparing the encoded lengths.
 */
final class CanonicalKeyOrder {
    private CanonicalKeyOrder() {}

    /** Compares two keys given as UTF-8 byte ranges of one array (as the reader meets them). */
    static int compare(byte[] data, int aFrom, int aLength, int bFrom, int bLength) {
        if (aLength != bLength) return Integer.compare(aLength, bLength);
        return Arrays.compareUnsigned(data, aFrom, aFrom + aLength, data, bFrom, bFrom + bLength);
    }

    /**
     * Compares two keys given as strings with their UTF-8 lengths. UTF-8 byte order is code point
     * order, which differs from {@link String#compareTo} (UTF-16 units) when a supplementary
     * character meets one in U+E000..U+FFFF, so the first difference is compared by code point.
     */
    static int compare(String a, int aUtf8Length, String b, int bUtf8Length) {
        if (aUtf8Length != bUtf8Length) return Integer.compare(aUtf8Length, bUtf8Length);
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return Integer.compare(a.length(), b.length());
    }
}
