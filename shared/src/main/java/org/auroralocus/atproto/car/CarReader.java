package org.auroralocus.atproto.car;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCborException;

/**
 * Reads a CAR v1 file from a stream, one block at a time. The header is read when the reader is
 * opened; {@link #next()} then yields each block in file order until a clean end of file.
 *
 * <p>The input is untrusted. Every length prefix is checked against {@link CarReadOptions} before
 * the bytes behind it are read, and those bytes are read as they arrive rather than into a buffer
 * of the declared size, so a lying length costs nothing. Input that ends inside a section, a
 * malformed CID or a block that does not match its CID is a {@link CarException}; blocks before the
 * bad one have already been returned and are sound. After a failure the reader refuses to go on.
 * Duplicate blocks are returned as they appear (the CAR spec allows them). Not thread-safe.
 */
public final class CarReader implements Closeable {
    /**
     * The only CIDs atproto allows (CIDv1, dag-cbor or raw, sha2-256): 4 one-byte prefix fields and
     * a 32-byte digest. Anything else, such as a CIDv0 or another hash, is rejected by {@link Cid}.
     */
    static final int CID_LENGTH = 36;
    /** What {@link #readAll(InputStream)} accepts without being told: the whole file is held in memory. */
    public static final long READ_ALL_DEFAULT_MAX_TOTAL_SIZE = 128L * 1024 * 1024;

    private final CountingInput in;
    private final CarReadOptions options;
    private final CarHeader header;
    private long blockIndex;
    private boolean finished;
    private boolean failed;

    private CarReader(CountingInput in, CarReadOptions options) throws IOException {
        this.in = in;
        this.options = options;
        this.header = readHeader();
    }

    /** Opens with {@link CarReadOptions#DEFAULTS}. */
    public static CarReader open(InputStream in) throws IOException {
        return open(in, CarReadOptions.DEFAULTS);
    }

    /** Reads the header; the reader owns the stream from here on and closes it, also when the header is bad. */
    public static CarReader open(InputStream in, CarReadOptions options) throws IOException {
        CountingInput counted = new CountingInput(new BufferedInputStream(in));
        try {
            return new CarReader(counted, options);
        } catch (IOException | RuntimeException e) {
            try {
                counted.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Reads a whole CAR into memory, with a total size of at most
     * {@link #READ_ALL_DEFAULT_MAX_TOTAL_SIZE} and otherwise the default limits.
     */
    public static CarContents readAll(InputStream in) throws IOException {
        return readAll(in, CarReadOptions.DEFAULTS.withMaxTotalSize(READ_ALL_DEFAULT_MAX_TOTAL_SIZE));
    }

    public static CarContents readAll(InputStream in, CarReadOptions options) throws IOException {
        try (CarReader reader = open(in, options)) {
            BlockMap blocks = new BlockMap();
            for (Optional<Block> b = reader.next(); b.isPresent(); b = reader.next()) blocks.put(b.get());
            return new CarContents(reader.header().roots(), blocks);
        }
    }

    public CarHeader header() {
        return header;
    }

    /** The next block, or empty at a clean end of file (the input ends exactly after a section). */
    public Optional<Block> next() throws IOException {
        if (failed) throw new IllegalStateException("this CAR reader already failed; its input cannot be trusted further");
        if (finished) return Optional.empty();
        failed = true; // until the section is read whole: whatever is thrown leaves the reader failed
        Optional<Block> block = readSection();
        failed = false;
        if (block.isEmpty()) finished = true;
        return block;
    }

    /**
     * The remaining blocks as a sequential stream, for convenience where checked exceptions do not
     * fit; an I/O failure surfaces as {@link UncheckedIOException}, a malformed file as
     * {@link CarException}.
     */
    public Stream<Block> stream() {
        Spliterator<Block> blocks = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override public boolean tryAdvance(Consumer<? super Block> action) {
                try {
                    Optional<Block> block = next();
                    block.ifPresent(action);
                    return block.isPresent();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return StreamSupport.stream(blocks, false);
    }

    @Override public void close() throws IOException {
        in.close();
    }

    private CarHeader readHeader() throws IOException {
        OptionalLong length = Varint.read(in, "header");
        if (length.isEmpty()) throw new CarException("invalid CAR: the input is empty");
        long declared = length.getAsLong();
        if (declared == 0) throw new CarException("invalid CAR: the header length is zero");
        checkDeclared("header", declared, options.maxBlockSize());
        return CarHeader.decode(readExactly((int) declared, "header"));
    }

    /**
     * One section: its length, the CID, the block. Every CID we accept is {@value #CID_LENGTH} bytes,
     * so the block's own size is known, and checked, before any of it is read.
     */
    private Optional<Block> readSection() throws IOException {
        String what = "block " + blockIndex;
        OptionalLong length = Varint.read(in, what);
        if (length.isEmpty()) return Optional.empty();
        long declared = length.getAsLong();
        if (declared == 0) throw new CarException("invalid CAR: " + what + " has a zero-length section");
        if (declared < CID_LENGTH) throw new CarException("invalid CAR: " + what + " is too short to hold a CID");
        checkDeclared(what, declared - CID_LENGTH, options.maxBlockSize());
        Cid cid = readCid(readExactly(CID_LENGTH, what), what);
        byte[] bytes = readExactly((int) (declared - CID_LENGTH), what);
        if (options.verifyCids()) verify(cid, bytes);
        blockIndex++;
        return Optional.of(new Block(cid, bytes));
    }

    private static Cid readCid(byte[] bytes, String what) {
        try {
            return Cid.fromBytes(bytes);
        } catch (DagCborException e) {
            throw new CarException("invalid CAR: " + what + " does not start with a supported CID: " + e.getMessage(), e);
        }
    }

    private static void verify(Cid cid, byte[] bytes) {
        MessageDigest sha256 = Cid.newSha256();
        if (!MessageDigest.isEqual(sha256.digest(bytes), cid.digest())) {
            throw new CarException("CAR block does not match its CID " + cid + " (its bytes hash to something else)");
        }
    }

    /** Refuses a length before anything behind it is read: above the per-item or the total limit. */
    private void checkDeclared(String what, long declared, long max) {
        if (declared > max) {
            throw new CarException("invalid CAR: " + what + " declares " + declared + " bytes, over the limit of " + max);
        }
        if (declared > options.maxTotalSize() - in.count) {
            throw new CarException("CAR is larger than the limit of " + options.maxTotalSize() + " bytes");
        }
    }

    /** Reads as the bytes arrive (never allocating the declared size up front) and fails on a short read. */
    private byte[] readExactly(int length, String what) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new CarException("truncated CAR: " + what + " declares " + length + " bytes but the input ends after " + bytes.length);
        }
        return bytes;
    }

    /** Counts what has been consumed, for the total-size limit. */
    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] target, int offset, int length) throws IOException {
            int n = super.read(target, offset, length);
            if (n > 0) count += n;
            return n;
        }

        @Override public long skip(long n) {
            throw new UnsupportedOperationException("a CAR is read, not skipped");
        }
    }
}
