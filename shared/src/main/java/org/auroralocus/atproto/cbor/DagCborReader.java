package org.auroralocus.atproto.cbor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads canonical DAG-CBOR, rejecting everything that has another encoding of the same value.
 * Every length is checked against the bytes that remain before anything is allocated, so hostile
 * input fails fast instead of exhausting memory; nesting is bounded so it cannot exhaust the stack.
 */
final class DagCborReader {
    private final byte[] data;
    private final int limit;
    private int pos;

    DagCborReader(byte[] data, int offset, int limit) {
        this.data = data;
        this.pos = offset;
        this.limit = limit;
    }

    int position() {
        return pos;
    }

    DataValue read() {
        return read(0);
    }

    /** Reads one value; {@code depth} counts the lists and maps around it. */
    private DataValue read(int depth) {
        int initial = nextByte();
        int major = initial >>> 5;
        int info = initial & 31;
        return switch (major) {
            case 0 -> new DataValue.IntValue(readInteger(info));
            case 1 -> new DataValue.IntValue(-1 - readInteger(info));
            case 2 -> {
                int length = readLength(info);
                DataValue.BytesValue bytes = new DataValue.BytesValue(Arrays.copyOfRange(data, pos, pos + length));
                pos += length;
                yield bytes;
            }
            case 3 -> new DataValue.TextValue(readString(readLength(info)));
            case 4 -> readList(readLength(info), depth);
            case 5 -> readMap(readLength(info), depth);
            case 6 -> readLink(readArgument(info));
            default -> readSimple(info);
        };
    }

    private DataValue readSimple(int info) {
        return switch (info) {
            case 20 -> DataValue.BoolValue.FALSE;
            case 21 -> DataValue.BoolValue.TRUE;
            case 22 -> DataValue.NullValue.INSTANCE;
            case 23 -> throw fail("undefined is not allowed in the atproto data model");
            case 25, 26, 27 -> throw fail("floats are not allowed in the atproto data model");
            case 31 -> throw fail("unexpected break (indefinite lengths are not allowed)");
            default -> throw fail("simple value " + info + " is not allowed");
        };
    }

    private DataValue readList(int count, int depth) {
        if (depth >= DagCbor.MAX_NESTING) throw fail("lists and maps nested deeper than " + DagCbor.MAX_NESTING);
        // each item takes at least one byte, so a count beyond the remaining bytes is a lie
        if (count > limit - pos) throw fail("list length exceeds the input");
        DataValue[] items = new DataValue[count];
        for (int i = 0; i < count; i++) items[i] = read(depth + 1);
        // List.of copies once, and ListValue's List.copyOf then keeps that immutable list as it is
        return new DataValue.ListValue(List.of(items));
    }

    private DataValue readMap(int count, int depth) {
        if (depth >= DagCbor.MAX_NESTING) throw fail("lists and maps nested deeper than " + DagCbor.MAX_NESTING);
        // each entry takes at least two bytes (a key header and a value)
        if (count > (limit - pos) / 2) throw fail("map length exceeds the input");
        String[] keys = new String[count];
        DataValue[] values = new DataValue[count];
        int previousKey = -1;
        int previousLength = 0;
        for (int i = 0; i < count; i++) {
            int initial = nextByte();
            if (initial >>> 5 != 3) throw fail("map keys must be strings");
            int length = readLength(initial & 31);
            if (previousKey >= 0) {
                int c = CanonicalKeyOrder.compare(data, previousKey, previousLength, pos, length);
                if (c == 0) throw fail("duplicate map key");
                if (c > 0) throw fail("map keys are not in canonical order");
            }
            previousKey = pos;
            previousLength = length;
            keys[i] = readString(length);
            values[i] = read(depth + 1);
        }
        return new DataValue.MapValue(CanonicalMap.ofSorted(keys, values));
    }

    private DataValue readLink(long tag) {
        if (tag != 42) throw fail("tag " + Long.toUnsignedString(tag) + " is not allowed (only 42, CID links)");
        int initial = nextByte();
        if (initial >>> 5 != 2) throw fail("tag 42 must wrap a byte string");
        int length = readLength(initial & 31);
        if (length == 0 || data[pos] != 0) throw fail("CID link must start with the identity multibase prefix 0x00");
        Cid cid;
        try {
            cid = Cid.fromBytesExact(data, pos + 1, length - 1);
        } catch (DagCborException e) {
            throw fail("CID link: " + e.getMessage());
        }
        pos += length;
        return new DataValue.LinkValue(cid);
    }

    /** An integer's argument, which must fit a signed 64-bit value once the major type is applied. */
    private long readInteger(int info) {
        long arg = readArgument(info);
        if (arg < 0) throw fail("integer out of 64-bit signed range");
        return arg;
    }

    /** A length, which must fit in the remaining input: checked here, before anyone allocates. */
    private int readLength(int info) {
        long arg = readArgument(info);
        if (arg < 0 || arg > limit - pos) throw fail("length " + Long.toUnsignedString(arg) + " exceeds the input");
        return (int) arg;
    }

    /** The argument of a header, which must use the shortest form (canonical CBOR). Above 2^63-1 it is negative. */
    private long readArgument(int info) {
        if (info < 24) return info;
        long v;
        switch (info) {
            case 24 -> {
                v = nextByte();
                if (v < 24) throw fail("non-canonical integer encoding");
            }
            case 25 -> {
                v = readBigEndian(2);
                if (v < 0x100) throw fail("non-canonical integer encoding");
            }
            case 26 -> {
                v = readBigEndian(4);
                if (v < 0x10000) throw fail("non-canonical integer encoding");
            }
            case 27 -> {
                v = readBigEndian(8);
                if (Long.compareUnsigned(v, 0x100000000L) < 0) throw fail("non-canonical integer encoding");
            }
            case 31 -> throw fail("indefinite lengths are not allowed");
            default -> throw fail("reserved additional information " + info);
        }
        return v;
    }

    private long readBigEndian(int bytes) {
        if (bytes > limit - pos) throw fail("unexpected end of input");
        long v = 0;
        for (int i = 0; i < bytes; i++) v = v << 8 | (data[pos++] & 0xff);
        return v;
    }

    private String readString(int length) {
        String s = new String(data, pos, length, StandardCharsets.UTF_8);
        if (!Utf8.decodedExactly(s, data, pos, length)) throw fail("string is not valid UTF-8");
        pos += length;
        return s;
    }

    private int nextByte() {
        if (pos >= limit) throw fail("unexpected end of input");
        return data[pos++] & 0xff;
    }

    private DagCborException fail(String why) {
        return new DagCborException("invalid DAG-CBOR at byte " + pos + ": " + why);
    }
}
