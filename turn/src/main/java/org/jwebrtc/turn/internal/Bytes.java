package org.jwebrtc.turn.internal;

/** Big-endian field access (RFC 8656 uses network byte order throughout). */
public final class Bytes {
    private Bytes() {}

    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    public static long u32(byte[] b, int off) {
        return (((long) (b[off] & 0xFF)) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
                | (b[off + 3] & 0xFF);
    }

    public static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    public static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** Rounds up to a multiple of 4 (RFC 8656 §12.5 padding, RFC 8489 §14 attribute padding). */
    public static int padded(int n) {
        return (n + 3) & ~3;
    }
}
