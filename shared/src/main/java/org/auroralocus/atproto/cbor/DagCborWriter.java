package org.auroralocus.atproto.cbor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Writes one data value as canonical DAG-CBOR into a growing byte array. */
final class DagCborWriter {
    private byte[] buf = new byte[256];
    private int size;

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    void write(DataValue value) {
        switch (value) {
            case DataValue.NullValue n -> writeByte(0xf6);
            case DataValue.BoolValue b -> writeByte(b.value() ? 0xf5 : 0xf4);
            case DataValue.IntValue i -> writeInt(i.value());
            case DataValue.TextValue t -> writeText(t.value());
            case DataValue.BytesValue b -> writeBytes(b.unsafeArray());
            case DataValue.LinkValue l -> writeLink(l.cid());
            case DataValue.ListValue l -> {
                writeHeader(4, l.items().size());
                for (DataValue item : l.items()) write(item);
            }
            case DataValue.MapValue m -> writeMap(m.entries());
        }
    }

    private void writeInt(long n) {
        if (n >= 0) writeHeader(0, n);
        else writeHeader(1, -1 - n);
    }

    private void writeText(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeHeader(3, utf8.length);
        writeRaw(utf8, 0, utf8.length);
    }

    private void writeBytes(byte[] b) {
        writeHeader(2, b.length);
        writeRaw(b, 0, b.length);
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

    private void writeMap(Map<String, DataValue> entries) {
        int n = entries.size();
        byte[][] keys = new byte[n][];
        DataValue[] values = new DataValue[n];
        Integer[] order = new Integer[n];
        int i = 0;
        for (Map.Entry<String, DataValue> e : entries.entrySet()) {
            keys[i] = e.getKey().getBytes(StandardCharsets.UTF_8);
            values[i] = e.getValue();
            order[i] = i;
            i++;
        }
        Arrays.sort(order, (a, b) -> CanonicalKeyOrder.compare(keys[a], keys[b]));
        writeHeader(5, n);
        for (int k : order) {
            writeHeader(3, keys[k].length);
            writeRaw(keys[k], 0, keys[k].length);
            write(values[k]);
        }
    }

    /** A major type with the shortest argument encoding, as canonical CBOR requires. */
    private void writeHeader(int major, long arg) {
        int m = major << 5;
        if (arg < 24) {
            writeByte(m | (int) arg);
        } else if (arg < 0x100) {
            writeByte(m | 24);
            writeByte((int) arg);
        } else if (arg < 0x10000) {
            writeByte(m | 25);
            writeByte((int) (arg >>> 8));
            writeByte((int) arg);
        } else if (arg < 0x100000000L) {
            writeByte(m | 26);
            for (int s = 24; s >= 0; s -= 8) writeByte((int) (arg >>> s));
        } else {
            writeByte(m | 27);
            for (int s = 56; s >= 0; s -= 8) writeByte((int) (arg >>> s));
        }
    }

    private void writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    private void writeRaw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
}
