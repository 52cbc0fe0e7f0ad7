package org.jwebrtc.rtp.internal;

/** Big-endian field access on {@code byte[]}; callers check bounds first. Hidden by the module. */
public final class Bytes {
    private Bytes() {}

    public static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    public static int u24(byte[] b, int off) {
        return ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
    }

    public static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16)
                | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    public static long u64(byte[] b, int off) {
        return (u32(b, off) << 32) | u32(b, off + 4);
    }

    public static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    public static void put24(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 16);
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) v;
    }

    public static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public static void put64(byte[] b, int off, long v) {
        put32(b, off, v >>> 32);
        put32(b, off + 4, v);
    }

    /** Throws IllegalArgumentException when {@code need} bytes do not fit at {@code off}. */
    public static void checkRoom(byte[] dst, int off, int need) {
        if (off < 0 || need < 0 || dst.length - off < need) {
            throw new IllegalArgumentException("need " + need + " bytes at offset " + off
                    + " but buffer has " + dst.length);
        }
    }

    /** Throws IllegalArgumentException on a bad (buf, off, len) triple. */
    public static void checkRange(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            throw new IllegalArgumentException("bad range off=" + off + " len=" + len);
        }
    }
}
