package org.auroralocus.atproto.car;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;

/**
 * Writes a CAR v1 file to a stream: the header when opened, then each block as it is given.
 * Nothing is held back, so exporting a repository needs memory for one block, not the repository.
 * The writer trusts its caller: blocks are not re-hashed. Not thread-safe.
 *
 * <pre>{@code
 * try (CarWriter car = CarWriter.open(out, List.of(commitCid))) {
 *     car.write(commitBlock);
 *     for (Block b : nodesAndRecords) car.write(b);
 * }
 * }</pre>
 */
public final class CarWriter implements Closeable {
    private final OutputStream out;
    private boolean closed;

    private CarWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the header with these roots and returns a writer for the blocks. */
    public static CarWriter open(OutputStream out, List<Cid> roots) throws IOException {
        Objects.requireNonNull(out);
        byte[] header = new CarHeader(roots).encode();
        byte[] prefix = new byte[Varint.size(header.length)];
        Varint.write(header.length, prefix, 0);
        out.write(prefix);
        out.write(header);
        return new CarWriter(out);
    }

    public void write(Block block) throws IOException {
        write(block.cid(), block.bytes());
    }

    /** Writes one section: length, binary CID, block bytes. */
    public void write(Cid cid, byte[] bytes) throws IOException {
        if (closed) throw new IllegalStateException("CAR writer is closed");
        long sectionLength = (long) cid.byteLength() + bytes.length;
        byte[] prefix = new byte[Varint.size(sectionLength) + cid.byteLength()];
        int at = Varint.write(sectionLength, prefix, 0);
        System.arraycopy(cid.bytes(), 0, prefix, at, cid.byteLength());
        out.write(prefix);
        out.write(bytes);
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes and closes the underlying stream. */
    @Override public void close() throws IOException {
        if (closed) return;
        closed = true;
        out.close();
    }
}
