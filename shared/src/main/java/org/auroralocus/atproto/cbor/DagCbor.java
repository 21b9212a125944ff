package org.auroralocus.atproto.cbor;

import java.util.Objects;

/** Canonical DAG-CBOR encoding and strict decoding of data values. */
public final class DagCbor {
    /**
     * The deepest nesting of lists and maps that is read or written, in CBOR and in JSON alike,
     * so that nothing accepted in one form is refused in the other. The spec names no figure but
     * asks implementations to guard against deep nesting; real records are a few levels deep.
     */
    public static final int MAX_NESTING = 128;

    private DagCbor() {}

    /** For writers: nothing is written, as CBOR or JSON, that the readers would refuse to read back. */
    static void checkNesting(int depth) {
        if (depth >= MAX_NESTING) throw new DagCborException("lists and maps nested deeper than " + MAX_NESTING);
    }

    public static byte[] encode(DataValue value) {
        DagCborWriter writer = new DagCborWriter();
        writer.write(value);
        return writer.toByteArray();
    }

    /** Decodes exactly one value; trailing bytes are an error. */
    public static DataValue decode(byte[] data) {
        return decode(data, 0, data.length);
    }

    public static DataValue decode(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        DagCborReader reader = new DagCborReader(data, offset, offset + length);
        DataValue value = reader.read();
        if (reader.position() != offset + length) {
            throw new DagCborException("invalid DAG-CBOR: " + (offset + length - reader.position()) + " trailing bytes");
        }
        return value;
    }

    /**
     * Decodes the first value of a sequence (a firehose frame is a header then a body).
     * The result says where the next value starts.
     */
    public static Prefix decodePrefix(byte[] data, int offset) {
        Objects.checkIndex(offset, data.length + 1);
        DagCborReader reader = new DagCborReader(data, offset, data.length);
        DataValue value = reader.read();
        return new Prefix(value, reader.position());
    }

    /** A decoded value and the offset just after it. */
    public record Prefix(DataValue value, int end) {}

    /** Encodes the value and returns its block with the CID of those bytes. */
    public static Block block(DataValue value) {
        byte[] bytes = encode(value);
        return new Block(Cid.ofDagCbor(bytes), bytes);
    }
}
