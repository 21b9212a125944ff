package org.auroralocus.atproto.car;

/**
 * What a {@link CarReader} accepts. The limits exist because a CAR comes from someone else: a
 * declared length is only a claim, so it is checked against these before any byte behind it is read.
 *
 * @param maxBlockSize largest block (bytes after the CID) accepted; also bounds the header
 * @param maxTotalSize largest whole file accepted, counting every length prefix
 * @param verifyCids whether each block's bytes must hash to its CID
 */
public record CarReadOptions(int maxBlockSize, long maxTotalSize, boolean verifyCids) {
    /** 2 MiB: well above the largest record or MST node the network produces (records are capped near 1 MiB). */
    public static final int DEFAULT_MAX_BLOCK_SIZE = 2 * 1024 * 1024;

    /** Blocks up to 2 MiB, no total limit, CIDs verified. */
    public static final CarReadOptions DEFAULTS = new CarReadOptions(DEFAULT_MAX_BLOCK_SIZE, Long.MAX_VALUE, true);

    public CarReadOptions {
        if (maxBlockSize < 1) throw new IllegalArgumentException("maxBlockSize must be positive: " + maxBlockSize);
        if (maxTotalSize < 1) throw new IllegalArgumentException("maxTotalSize must be positive: " + maxTotalSize);
    }

    public CarReadOptions withMaxBlockSize(int size) {
        return new CarReadOptions(size, maxTotalSize, verifyCids);
    }

    public CarReadOptions withMaxTotalSize(long size) {
        return new CarReadOptions(maxBlockSize, size, verifyCids);
    }

    public CarReadOptions withVerifyCids(boolean verify) {
        return new CarReadOptions(maxBlockSize, maxTotalSize, verify);
    }
}
