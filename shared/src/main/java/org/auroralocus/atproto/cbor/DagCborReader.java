package org.auroralocus.atproto.cbor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads canonical DAG-CBOR, rejecting everything that has another encoding of the same value.
 * Every length is checked against the bytes that remain before anything is allocated, so hostile
 * input fails fast instead of exhausting memory; nesting is bounded so it cannot exhaust the stack.
 */
final class DagCborReader {
    static final int MAX_DEPTH = 128;

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

    private DataValue read(int depth) {
        if (depth > MAX_DEPTH) throw fail("nesting deeper than " + MAX_DEPTH);
        int initial = nextByte();
        int major = initial >>> 5;
        int info = initial & 31;
        if (major == 7) return readSimple(info);
        long arg = readArgument(info);
        return switch (major) {
            case 0 -> {
                if (arg < 0) throw fail("integer out of 64-bit signed range");
                yield new DataValue.IntValue(arg);
            }
            case 1 -> {
                if (arg < 0) throw fail("integer out of 64-bit signed range");
                yield new DataValue.IntValue(-1 - arg);
            }
            case 2 -> new DataValue.BytesValue(take(arg));
            case 3 -> new DataValue.TextValue(utf8(take(arg)));
            case 4 -> readList(arg, depth);
            case 5 -> readMap(arg, depth);
            case 6 -> readTag(arg);
            default -> throw fail("unknown major type " + major);
        };
    }

    private DataValue readSimple(int info) {
        return switch (info) {
            case 20 -> DataValue.BoolValue.FALSE;
            case 21 -> DataValue.BoolValue.TRUE;
            case 22 -> DataValue.NullValue.INSTANCE;
            case 25, 26, 27 -> throw fail("floats are not allowed in the atproto data model");
            case 31 -> throw fail("unexpected break (indefinite lengths are not allowed)");
            default -> throw fail("simple value " + info + " is not allowed");
        };
    }

    private DataValue readList(long count, int depth) {
        // each item needs at least one byte, so a count beyond the remaining bytes is a lie;
        // a negative count is an argument above 2^63 - 1
        if (count < 0 || count > limit - pos) throw fail("list length exceeds the input");
        List<DataValue> items = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) items.add(read(depth + 1));
        return new DataValue.ListValue(items);
    }

    private DataValue readMap(long count, int depth) {
        if (count < 0 || count > (limit - pos) / 2) throw fail("map length exceeds the input");
        Map<String, DataValue> entries = LinkedHashMap.newLinkedHashMap((int) count);
        byte[] previous = null;
        for (long i = 0; i < count; i++) {
            int initial = nextByte();
            if (initial >>> 5 != 3) throw fail("map keys must be strings");
            byte[] key = take(readArgument(initial & 31));
            if (previous != null) {
                int c = CanonicalKeyOrder.compare(previous, key);
                if (c == 0) throw fail("duplicate map key");
                if (c > 0) throw fail("map keys are not in canonical order");
            }
            previous = key;
            entries.put(utf8(key), read(depth + 1));
        }
        return new DataValue.MapValue(entries);
    }

    private DataValue readTag(long tag) {
        if (tag != 42) throw fail("tag " + tag + " is not allowed (only 42, CID links)");
        int initial = nextByte();
        if (initial >>> 5 != 2) throw fail("tag 42 must wrap a byte string");
        long length = readArgument(initial & 31);
        if (length < 1 || length > limit - pos) throw fail("truncated CID link");
        if (data[pos] != 0) throw fail("CID link must start with the identity multibase prefix 0x00");
        Cid cid = Cid.fromBytesExact(data, pos + 1, (int) length - 1);
        pos += (int) length;
        return new DataValue.LinkValue(cid);
    }

    /** The argument of a header, which must use the shortest form (canonical CBOR). */
    private long readArgument(int info) {
        if (info < 24) return info;
        return switch (info) {
            case 24 -> {
                long v = nextByte();
                if (v < 24) throw fail("non-canonical integer encoding");
                yield v;
            }
            case 25 -> {
                long v = (long) nextByte() << 8 | nextByte();
                if (v < 0x100) throw fail("non-canonical integer encoding");
                yield v;
            }
            case 26 -> {
                long v = 0;
                for (int i = 0; i < 4; i++) v = v << 8 | nextByte();
                if (v < 0x10000) throw fail("non-canonical integer encoding");
                yield v;
            }
            case 27 -> {
                long v = 0;
                for (int i = 0; i < 8; i++) v = v << 8 | nextByte();
                // v < 0 means above 2^63 - 1: caller rejects it; only a small value is non-canonical
                if (v >= 0 && v < 0x100000000L) throw fail("non-canonical integer encoding");
                yield v;
            }
            case 31 -> throw fail("indefinite lengths are not allowed");
            default -> throw fail("reserved additional information " + info);
        };
    }

    private int nextByte() {
        if (pos >= limit) throw fail("unexpected end of input");
        return data[pos++] & 0xff;
    }

    private byte[] take(long length) {
        if (length < 0 || length > limit - pos) throw fail("length exceeds the input");
        byte[] out = java.util.Arrays.copyOfRange(data, pos, pos + (int) length);
        pos += (int) length;
        return out;
    }

    private String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fail("string is not valid UTF-8");
        }
    }

    private DagCborException fail(String why) {
        return new DagCborException("invalid DAG-CBOR at byte " + pos + ": " + why);
    }
}
