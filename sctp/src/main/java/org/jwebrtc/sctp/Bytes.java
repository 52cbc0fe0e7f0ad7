package org.jwebrtc.sctp;

/** Big-endian field access (network byte order) on {@code byte[]}. */
final class Bytes {
    private Bytes() {}

    static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    static int i32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    static long u32(byte[] b, int off) {
        return i32(b, off) & 0xffffffffL;
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** Rounds up to the 4-byte boundary chunks and parameters are padded to (RFC 9260 §3.2). */
    static int pad4(int n) {
        return (n + 3) & ~3;
    }

    static void checkRoom(byte[] dst, int off, int need) {
        if (off < 0 || need > dst.length - off) {
            throw new IllegalArgumentException("need " + need + " bytes at " + off + ", buffer has " + dst.length);
        }
    }

    static void zero(byte[] dst, int from, int to) {
        for (int i = from; i < to; i++) {
            dst[i] = 0;
        }
    }
}
