package org.auroralocus.atproto.cbor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one data value as canonical DAG-CBOR into a growing byte array. Map entries already
 * iterate in canonical order ({@link CanonicalMap}), so nothing is sorted or copied per map.
 */
final class DagCborWriter {
    /** Up to this many chars a string is encoded by {@link Utf8#encode}; see {@link #writeText}. */
    private static final int SHORT_STRING = 16;

    private byte[] buf = new byte[256];
    private int size;

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    void write(DataValue value) {
        write(value, 0);
    }

    /** Writes one value; {@code depth} counts the lists and maps around it. */
    private void write(DataValue value, int depth) {
        switch (value) {
            case DataValue.NullValue n -> writeByte(0xf6);
            case DataValue.BoolValue b -> writeByte(b.value() ? 0xf5 : 0xf4);
            case DataValue.IntValue i -> writeInt(i.value());
            case DataValue.TextValue t -> writeText(t.value());
            case DataValue.BytesValue b -> writeBytes(2, b.unsafeArray());
            case DataValue.LinkValue l -> writeLink(l.cid());
            case DataValue.ListValue l -> {
                DagCbor.checkNesting(depth);
                writeHeader(4, l.items().size());
                for (DataValue item : l.items()) write(item, depth + 1);
            }
            case DataValue.MapValue m -> {
                DagCbor.checkNesting(depth);
                CanonicalMap entries = m.canonical();
                writeHeader(5, entries.size());
                for (int i = 0; i < entries.size(); i++) {
                    writeText(entries.keyAt(i));
                    write(entries.valueAt(i), depth + 1);
                }
            }
        }
    }

    private void writeInt(long n) {
        if (n >= 0) writeHeader(0, n);
        else writeHeader(1, -1 - n);
    }

    /**
     * Short strings (map keys, mostly) are encoded straight into the buffer; longer ones go through
     * the JDK's vectorised encoder, which outruns a char loop despite the temporary array. Strings
     * in a data value are well-formed ({@link DataValue.TextValue}, {@link CanonicalMap}), so the
     * JDK has nothing to replace.
     */
    private void writeText(String s) {
        if (s.length() <= SHORT_STRING) {
            int length = Utf8.encodedLength(s);
            writeHeader(3, length);
            ensure(length);
            size = Utf8.encode(s, buf, size);
        } else {
            writeBytes(3, s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void writeBytes(int major, byte[] b) {
        writeHeader(major, b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void writeLink(Cid cid) {
        // tag 42, then a byte string: the identity multibase prefix 0x00 and the binary CID
        writeByte(0xd8);
        writeByte(42);
        writeHeader(2, cid.byteLength() + 1);
        writeByte(0);
        ensure(cid.byteLength());
        cid.copyTo(buf, size);
        size += cid.byteLength();
    }

    /** A major type with the shortest argument encoding, as canonical CBOR requires. */
    private void writeHeader(int major, long arg) {
        ensure(9);
        int m = major << 5;
        if (arg < 24) {
            buf[size++] = (byte) (m | (int) arg);
        } else if (arg < 0x100) {
            buf[size++] = (byte) (m | 24);
            buf[size++] = (byte) arg;
        } else if (arg < 0x10000) {
            buf[size++] = (byte) (m | 25);
            buf[size++] = (byte) (arg >>> 8);
            buf[size++] = (byte) arg;
        } else if (arg < 0x100000000L) {
            buf[size++] = (byte) (m | 26);
            for (int s = 24; s >= 0; s -= 8) buf[size++] = (byte) (arg >>> s);
        } else {
            buf[size++] = (byte) (m | 27);
            for (int s = 56; s >= 0; s -= 8) buf[size++] = (byte) (arg >>> s);
        }
    }

    private void writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    private void ensure(int extra) {
        if (extra > buf.length - size) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
}
