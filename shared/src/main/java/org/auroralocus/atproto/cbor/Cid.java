package org.auroralocus.atproto.cbor;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.auroralocus.atproto.multibase.Base32;
import org.auroralocus.atproto.multibase.MultibaseException;

/**
 * A CIDv1 as atproto uses it: codec dag-cbor (0x71) or raw (0x55), hash sha2-256.
 * Holding one means its bytes parsed; the string form is base32 with the {@code b} prefix.
 */
public final class Cid implements Comparable<Cid> {
    public static final int DAG_CBOR = 0x71;
    public static final int RAW = 0x55;
    static final int SHA2_256 = 0x12;
    private static final int DIGEST_LENGTH = 32;
    /** version, codec, hash code and digest length are one byte each for the two codecs we allow. */
    static final int BYTE_LENGTH = 4 + DIGEST_LENGTH;

    private final byte[] bytes;
    private String text;

    private Cid(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The CID of a DAG-CBOR block. */
    public static Cid ofDagCbor(byte[] block) {
        return of(DAG_CBOR, sha256(block));
    }

    /** The CID of a blob (raw bytes). */
    public static Cid ofRaw(byte[] content) {
        return of(RAW, sha256(content));
    }

    /** A CID from its codec and a sha2-256 digest, for digests computed while streaming. */
    public static Cid of(int codec, byte[] sha256Digest) {
        if (codec != DAG_CBOR && codec != RAW) throw new DagCborException("unsupported CID codec 0x" + Integer.toHexString(codec));
        if (sha256Digest.length != DIGEST_LENGTH) throw new DagCborException("sha2-256 digest must be 32 bytes");
        byte[] b = new byte[BYTE_LENGTH];
        b[0] = 1;
        b[1] = (byte) codec;
        b[2] = SHA2_256;
        b[3] = DIGEST_LENGTH;
        System.arraycopy(sha256Digest, 0, b, 4, DIGEST_LENGTH);
        return new Cid(b);
    }

    /** Parses the string form ({@code b} + base32 of the binary form). */
    public static Cid parse(String text) {
        if (text == null || text.isEmpty() || text.charAt(0) != 'b') {
            throw new DagCborException("invalid CID string (expected base32 CIDv1): " + text);
        }
        try {
            Cid cid = fromBytes(Base32.decode(text.substring(1)));
            cid.text = text;
            return cid;
        } catch (MultibaseException e) {
            throw new DagCborException("invalid CID string " + text + ": " + e.getMessage());
        }
    }

    /** Parses the binary form, which must be exactly one CID with nothing after it. */
    public static Cid fromBytes(byte[] data) {
        return fromBytesExact(data, 0, data.length);
    }

    /**
     * Reads one binary CID at {@code offset} from a longer sequence (a CAR section);
     * {@link #byteLength()} tells how much it took.
     */
    public static Cid read(byte[] data, int offset, int limit) {
        java.util.Objects.checkFromToIndex(offset, limit, data.length);
        if (limit - offset < 2) throw new DagCborException("truncated CID");
        if (data[offset] == 0x12 && data[offset + 1] == 0x20) {
            throw new DagCborException("CIDv0 is not allowed (atproto uses CIDv1)");
        }
        if (limit - offset < BYTE_LENGTH) throw new DagCborException("truncated CID");
        if (data[offset] != 1) throw new DagCborException("unsupported CID version " + (data[offset] & 0xff));
        int codec = data[offset + 1] & 0xff;
        if (codec != DAG_CBOR && codec != RAW) throw new DagCborException("unsupported CID codec 0x" + Integer.toHexString(codec));
        if (data[offset + 2] != SHA2_256 || data[offset + 3] != DIGEST_LENGTH) {
            throw new DagCborException("unsupported CID hash (expected sha2-256)");
        }
        return new Cid(Arrays.copyOfRange(data, offset, offset + BYTE_LENGTH));
    }

    /** Parses the binary form occupying exactly {@code length} bytes at {@code offset}. */
    public static Cid fromBytesExact(byte[] data, int offset, int length) {
        Cid cid = read(data, offset, offset + length);
        if (length != BYTE_LENGTH) throw new DagCborException("CID has " + (length - BYTE_LENGTH) + " trailing bytes");
        return cid;
    }

    public int codec() {
        return bytes[1] & 0xff;
    }

    public byte[] digest() {
        return Arrays.copyOfRange(bytes, 4, BYTE_LENGTH);
    }

    /** The binary form (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int byteLength() {
        return bytes.length;
    }

    /** Writes the binary form without copying. */
    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(bytes);
    }

    void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    static byte[] sha256(byte[] data) {
        return newSha256().digest(data);
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override public boolean equals(Object o) {
        return o instanceof Cid other && Arrays.equals(bytes, other.bytes);
    }

    @Override public int hashCode() {
        // the digest is uniformly random, so its first bytes make a good hash
        return (bytes[4] & 0xff) << 24 | (bytes[5] & 0xff) << 16 | (bytes[6] & 0xff) << 8 | (bytes[7] & 0xff);
    }

    @Override public int compareTo(Cid o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override public String toString() {
        String t = text;
        if (t == null) text = t = "b" + Base32.encode(bytes);
        return t;
    }
}
