package org.jwebrtc.ice;

import java.util.Arrays;

/**
 * RFC 4571 §2 framing for ICE-TCP (RFC 6544 §7.1): every STUN, DTLS or SRTP packet on a TCP connection is preceded
 * by its length as a 16-bit big-endian integer. Sans-IO: {@link #frame} encodes one packet; {@link #feed} takes stream
 * bytes as they arrive, in any split, and {@link #pollFrame} hands back whole packets. One framer per connection and
 * direction of reading. Not thread-safe.
 */
public final class Rfc4571Framer {
    /** Largest packet a 16-bit length can carry. */
    public static final int MAX_FRAME = 65535;

    private final byte[] buffer = new byte[2 + MAX_FRAME];
    private int start;
    private int end;

    /** {@code data[off, off+len)} with its 2-byte length prefix, ready for the socket. */
    public static byte[] frame(byte[] data, int off, int len) {
        byte[] out = new byte[2 + len];
        frame(data, off, len, out, 0);
        return out;
    }

    /** Writes the prefix and the packet into {@code dst[dstOff..]}; returns {@code len + 2}. */
    public static int frame(byte[] data, int off, int len, byte[] dst, int dstOff) {
        if (len < 0 || len > MAX_FRAME) {
            throw new IllegalArgumentException("RFC 4571 frames carry 0..65535 bytes, not " + len);
        }
        if (dst.length - dstOff < len + 2) {
            throw new IllegalArgumentException("destination too small for a " + (len + 2) + "-byte frame");
        }
        dst[dstOff] = (byte) (len >>> 8);
        dst[dstOff + 1] = (byte) len;
        System.arraycopy(data, off, dst, dstOff + 2, len);
        return len + 2;
    }

    /**
     * Takes stream bytes; returns how many were consumed (less than {@code len} only when a full frame is waiting:
     * drain {@link #pollFrame} and feed the rest again).
     */
    public int feed(byte[] data, int off, int len) {
        if (start > 0 && buffer.length - end < len) {
            System.arraycopy(buffer, start, buffer, 0, end - start); // compact
            end -= start;
            start = 0;
        }
        int n = Math.min(len, buffer.length - end);
        System.arraycopy(data, off, buffer, end, n);
        end += n;
        return n;
    }

    /** The next whole packet (without the prefix), or null when more bytes are needed. */
    public byte[] pollFrame() {
        if (end - start < 2) {
            return null;
        }
        int len = (buffer[start] & 0xff) << 8 | (buffer[start + 1] & 0xff);
        if (end - start < 2 + len) {
            return null;
        }
        byte[] out = Arrays.copyOfRange(buffer, start + 2, start + 2 + len);
        start += 2 + len;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return out;
    }

    /**
     * Copies the next whole packet into {@code dst[dstOff..]} without allocating; returns its length, or -1 when more
     * bytes are needed. {@link IllegalArgumentException} (frame kept) when {@code dst} is too small.
     */
    public int pollFrame(byte[] dst, int dstOff) {
        if (end - start < 2) {
            return -1;
        }
        int len = (buffer[start] & 0xff) << 8 | (buffer[start + 1] & 0xff);
        if (end - start < 2 + len) {
            return -1;
        }
        if (dst.length - dstOff < len) {
            throw new IllegalArgumentException("destination too small for a " + len + "-byte frame");
        }
        System.arraycopy(buffer, start + 2, dst, dstOff, len);
        start += 2 + len;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return len;
    }

    /** Bytes received but not yet returned as a frame. */
    public int buffered() {
        return end - start;
    }
}
