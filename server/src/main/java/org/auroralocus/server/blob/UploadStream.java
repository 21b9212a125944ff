package org.auroralocus.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;

/**
 * An upload's body on its way to the store: counts the bytes, digests them for the CID, keeps the
 * first few for the {@link MimeSniffer}, and fails as soon as the count passes the limit, so an
 * oversized body is never read further. It also remembers whether a failure was the limit or the
 * client's body itself, which the caller reports differently.
 */
final class UploadStream extends InputStream {
    /** The body went over the limit; thrown into the store's copy loop, which then discards the upload. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("upload over the limit of " + limit + " bytes", null);
        }
    }

    private final InputStream body;
    private final long limit;
    private final MessageDigest sha256 = Cid.newSha256();
    private final byte[] head = new byte[MimeSniffer.HEAD_LENGTH];
    private int headLength;
    private long count;
    private boolean ended;
    private boolean tooLarge;
    private boolean bodyFailed;

    UploadStream(InputStream body, long limit) {
        this.body = body;
        this.limit = limit;
    }

    @Override public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        if (tooLarge) throw new TooLarge(limit);
        if (ended) return -1;
        int n;
        try {
            n = body.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            bodyFailed = true;
            throw e;
        }
        if (n < 0) {
            ended = true;
            return -1;
        }
        count += n;
        if (count > limit) {
            tooLarge = true;
            throw new TooLarge(limit);
        }
        sha256.update(b, off, n);
        if (headLength < head.length) {
            int keep = Math.min(n, head.length - headLength);
            System.arraycopy(b, off, head, headLength, keep);
            headLength += keep;
        }
        return n;
    }

    boolean ended() {
        return ended;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    boolean bodyFailed() {
        return bodyFailed;
    }

    long size() {
        return count;
    }

    /** The raw-codec CID of everything read; only meaningful once the stream has {@link #ended}. */
    Cid cid() {
        return Cid.of(Cid.RAW, sha256.digest());
    }

    Optional<String> sniffedType() {
        return MimeSniffer.sniff(head, headLength);
    }
}
