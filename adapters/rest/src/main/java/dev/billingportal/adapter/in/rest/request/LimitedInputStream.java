package dev.billingportal.adapter.in.rest.request;

import dev.billingportal.domain.failure.InputTooLarge;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A body read up to {@code limit} bytes: one more fails the read ({@link InputTooLarge}, a 413), sent chunked too. */
public final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        count += n;
        if (count > limit) {
            throw new InputTooLarge(limit);
        }
    }
}
