package org.jwebrtc.rtp.codec;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128 as AV1 uses it (AV1 spec §4.10.5): at most 8 bytes, value below 2^32. */
final class Leb128 {
    private Leb128() {}

    static int size(long v) {
        int n = 1;
        while (v >= 0x80) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    static void write(ByteArrayOutputStream out, long v) {
        while (v >= 0x80) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    static int write(byte[] dst, int off, long v) {
        int p = off;
        while (v >= 0x80) {
            dst[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        dst[p++] = (byte) v;
        return p - off;
    }

    /**
     * Reads a value at {@code off} (bytes up to {@code end}); returns (length << 32 | value), or -1 if
     * truncated, longer than 8 bytes, or not below 2^32.
     */
    static long read(byte[] b, int off, int end) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            if (off + i >= end) {
                return -1;
            }
            int x = b[off + i] & 0xFF;
            v |= (long) (x & 0x7F) << (7 * i);
            if ((x & 0x80) == 0) {
                return v > 0xFFFF_FFFFL ? -1 : ((long) (i + 1) << 32) | v;
            }
        }
        return -1;
    }
}
