package org.auroralocus.atproto.cbor;

import java.util.Arrays;

/**
 * DAG-CBOR's map key order: shorter encoded keys first, then bytewise
 * (RFC 7049 section 3.9 "canonical CBOR", which DAG-CBOR adopts).
 */
final class CanonicalKeyOrder {
    private CanonicalKeyOrder() {}

    static int compare(byte[] a, byte[] b) {
        if (a.length != b.length) return Integer.compare(a.length, b.length);
        return Arrays.compareUnsigned(a, b);
    }
}
