package org.jwebrtc.dtls.internal.dtls13;

import java.util.Arrays;

/** Growable big-endian writer for the TLS presentation language (RFC 8446 §3). */
public final class WireWriter {
    private byte[] buf;
    private int len;

    public WireWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public WireWriter() {
        this(256);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public WireWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter u24(int v) {
        ensure(3);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter u48(long v) {
        ensure(6);
        for (int i = 5; i >= 0; i--) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public WireWriter u64(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public WireWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WireWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    public WireWriter vec8(byte[] b) {
        if (b.length > 0xFF) {
            throw new IllegalArgumentException("vector of " + b.length + " bytes exceeds 2^8-1");
        }
        return u8(b.length).bytes(b);
    }

    public WireWriter vec16(byte[] b) {
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("vector of " + b.length + " bytes exceeds 2^16-1");
        }
        return u16(b.length).bytes(b);
    }

    public WireWriter vec24(byte[] b) {
        if (b.length > 0xFFFFFF) {
            throw new IllegalArgumentException("vector of " + b.length + " bytes exceeds 2^24-1");
        }
        return u24(b.length).bytes(b);
    }

    public int length() {
        return len;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }
}
