package org.auroralocus.atproto.car;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Unsigned LEB128 varints as multiformats uses them (https://github.com/multiformats/unsigned-varint).
 * That spec caps a varint at 9 bytes (63 bits); anything longer is rejected before it can overflow.
 */
final class Varint {
    static final int MAX_BYTES = 9;

    private Varint() {}

    /**
     * Reads one varint; empty when the stream ends before its first byte (a clean end of file).
     * An end after the first byte is a truncation.
     */
    static OptionalLong read(InputStream in, String what) throws IOException {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            int b = in.read();
            if (b < 0) {
                if (i == 0) return OptionalLong.empty();
                throw new CarException("truncated CAR: input ends inside the " + what + " length");
            }
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) return OptionalLong.of(value);
        }
        throw new CarException("invalid CAR: " + what + " length varint is longer than " + MAX_BYTES + " bytes");
    }

    static int size(long value) {
        int n = 1;
        while ((value >>>= 7) != 0) n++;
        return n;
    }

    /** Writes the varint into {@code target} at {@code offset}; returns the offset after it. */
    static int write(long value, byte[] target, int offset) {
        int i = offset;
        while ((value & ~0x7fL) != 0) {
            target[i++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        target[i++] = (byte) value;
        return i;
    }
}
