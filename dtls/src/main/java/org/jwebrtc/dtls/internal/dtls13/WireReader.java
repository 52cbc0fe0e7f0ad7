package org.jwebrtc.dtls.internal.dtls13;

import org.jwebrtc.dtls.DtlsException;

/**
 * Bounds-checked cursor over a caller's bytes for the TLS presentation language (RFC 8446 §3):
 * every read checks the remaining length first and reports the absolute offset in a
 * {@link DtlsException}, so no parser built on it can throw anything else.
 */
public final class WireReader {
    private final byte[] buf;
    private final int end;
    private int pos;

    public WireReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    public WireReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    private void need(int n, String what) throws DtlsException {
        if (n < 0 || end - pos < n) {
            throw new DtlsException(what + " needs " + n + " bytes, " + (end - pos) + " left", pos);
        }
    }

    public int u8(String what) throws DtlsException {
        need(1, what);
        return buf[pos++] & 0xFF;
    }

    public int u16(String what) throws DtlsException {
        need(2, what);
        int v = (buf[pos] & 0xFF) << 8 | buf[pos + 1] & 0xFF;
        pos += 2;
        return v;
    }

    public int u24(String what) throws DtlsException {
        need(3, what);
        int v = (buf[pos] & 0xFF) << 16 | (buf[pos + 1] & 0xFF) << 8 | buf[pos + 2] & 0xFF;
        pos += 3;
        return v;
    }

    public long u48(String what) throws DtlsException {
        need(6, what);
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = v << 8 | buf[pos + i] & 0xFF;
        }
        pos += 6;
        return v;
    }

    public long u64(String what) throws DtlsException {
        need(8, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | buf[pos + i] & 0xFF;
        }
        pos += 8;
        return v;
    }

    public byte[] bytes(int n, String what) throws DtlsException {
        need(n, what);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    public void skip(int n, String what) throws DtlsException {
        need(n, what);
        pos += n;
    }

    /** opaque x&lt;min..2^8-1&gt;. */
    public byte[] vec8(int min, String what) throws DtlsException {
        int n = u8(what + " length");
        return checkedVec(n, min, what);
    }

    /** opaque x&lt;min..2^16-1&gt;. */
    public byte[] vec16(int min, String what) throws DtlsException {
        int n = u16(what + " length");
        return checkedVec(n, min, what);
    }

    /** opaque x&lt;min..2^24-1&gt;. */
    public byte[] vec24(int min, String what) throws DtlsException {
        int n = u24(what + " length");
        return checkedVec(n, min, what);
    }

    private byte[] checkedVec(int n, int min, String what) throws DtlsException {
        if (n < min) {
            throw new DtlsException(what + " shorter than " + min, pos);
        }
        return bytes(n, what);
    }

    /** A sub-reader over the next {@code n} bytes, which this reader skips. */
    public WireReader sub(int n, String what) throws DtlsException {
        need(n, what);
        WireReader r = new WireReader(buf, pos, n);
        pos += n;
        return r;
    }

    public void expectEnd(String what) throws DtlsException {
        if (pos != end) {
            throw new DtlsException(what + " has " + (end - pos) + " trailing bytes", pos);
        }
    }
}
