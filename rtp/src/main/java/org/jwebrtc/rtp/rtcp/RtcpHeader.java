package org.jwebrtc.rtp.rtcp;

import org.jwebrtc.rtp.internal.Bytes;

/** The 4-byte RTCP common header (RFC 3550 §6.4.1): V=2, P, count/FMT, PT, length in words minus one. */
final class RtcpHeader {
    static final int LENGTH = 4;

    private RtcpHeader() {}

    /** Checks room for {@code total} bytes and writes the header with P=0. */
    static void write(byte[] dst, int off, int count, int packetType, int total) {
        Bytes.checkRoom(dst, off, total);
        if ((total & 3) != 0 || total > 0x10000 * 4) {
            throw new IllegalArgumentException("RTCP packet length " + total + " not encodable");
        }
        dst[off] = (byte) (0x80 | count);
        dst[off + 1] = (byte) packetType;
        Bytes.put16(dst, off + 2, total / 4 - 1);
    }

    static int pad4(int n) {
        return (n + 3) & ~3;
    }

    static void checkU32(String what, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " " + v + " is not an unsigned 32-bit value");
        }
    }

    static void checkRange(String what, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " " + v + " outside " + min + ".." + max);
        }
    }
}
