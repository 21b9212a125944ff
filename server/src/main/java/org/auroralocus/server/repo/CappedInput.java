package org.auroralocus.server.repo;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that fails once it has given more than {@code max} bytes, so an upload without a
 * (truthful) Content-Length is still stopped at the limit rather than read into memory whole.
 */
final class CappedInput extends FilterInputStream {
    /** The body went past the limit. */
    static final class Exceeded extends IOException {
        Exceeded(long max) {
            super("the body is larger than the limit of " + max + " bytes");
        }
    }

    private final long max;
    private long count;

    CappedInput(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override public int read() throws IOException {
        int b = super.read();
        if (b >= 0) counted(1);
        return b;
    }

    @Override public int read(byte[] target, int offset, int length) throws IOException {
        int n = super.read(target, offset, length);
        if (n > 0) counted(n);
        return n;
    }

    @Override public long skip(long n) {
        throw new UnsupportedOperationException("a capped body is read, not skipped");
    }

    private void counted(int n) throws Exceeded {
        count += n;
        if (count > max) throw new Exceeded(max);
    }
}
