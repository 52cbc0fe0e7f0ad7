package org.jwebrtc.turn;

import org.jwebrtc.turn.internal.Bytes;

/**
 * Splits a TURN byte stream (TCP or TLS to the server, RFC 8656 §12.5 and RFC 6062 §4) into
 * messages: STUN messages (first byte 0..3, 20-byte header + length) and ChannelData messages
 * (first byte 0x40..0x4F, 4-byte header + length, padded to 4 bytes) back to back. Sans-IO: feed
 * bytes as they arrive, then take frames while {@link #next()} is true.
 *
 * <p>Anything else in the stream is unrecoverable (no resynchronisation point): {@link #next()}
 * throws and the caller closes the connection. Not thread-safe; owned by one thread.
 */
public final class StreamFramer {
    /** Largest STUN message: 20-byte header + 65532-byte body. */
    public static final int MAX_FRAME = 20 + 0xFFFC;
    private static final int MAGIC_COOKIE = 0x2112A442;

    private byte[] buf = new byte[4096];
    private int start;   // first unconsumed byte
    private int end;     // one past the last fed byte
    private int frameOffset;
    private int frameLength;
    private long consumed; // stream offset of buf[start], for error messages

    /** Appends {@code len} stream bytes. */
    public void feed(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (buf.length - end < len) {
            int live = end - start;
            if (buf.length - live < len) {
                byte[] bigger = new byte[Math.max(buf.length * 2, live + len)];
                System.arraycopy(buf, start, bigger, 0, live);
                buf = bigger;
            } else {
                System.arraycopy(buf, start, buf, 0, live);
            }
            end = live;
            start = 0;
        }
        System.arraycopy(b, off, buf, end, len);
        end += len;
    }

    /**
     * Advances to the next complete message. True: it is at {@link #buffer()}[{@link #frameOffset()},
     * +{@link #frameLength()}), valid until the next {@link #feed} or {@link #next}. For ChannelData
     * the frame includes its padding.
     */
    public boolean next() throws TurnException {
        int avail = end - start;
        if (avail < 4) {
            return false;
        }
        int first = buf[start] & 0xFF;
        int total;
        if (first <= 3) { // RFC 7983 §7: STUN starts with 0..3 (every STUN/TURN method in use)
            total = 20 + Bytes.u16(buf, start + 2);
            if (avail >= 8 && (int) Bytes.u32(buf, start + 4) != MAGIC_COOKIE) {
                throw new TurnException("STUN magic cookie mismatch in stream", (int) Math.min(Integer.MAX_VALUE, consumed + 4));
            }
            if ((total & 3) != 0) {
                throw new TurnException("STUN length not a multiple of 4 in stream", (int) Math.min(Integer.MAX_VALUE, consumed + 2));
            }
        } else if ((first & 0xF0) == 0x40) {
            total = Bytes.padded(4 + Bytes.u16(buf, start + 2)); // RFC 8656 §12.5: padded over streams
        } else {
            throw new TurnException("byte 0x" + Integer.toHexString(first) + " starts neither STUN nor ChannelData",
                    (int) Math.min(Integer.MAX_VALUE, consumed));
        }
        if (avail < total) {
            return false;
        }
        frameOffset = start;
        frameLength = total;
        start += total;
        consumed += total;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return true;
    }

    public byte[] buffer() {
        return buf;
    }

    public int frameOffset() {
        return frameOffset;
    }

    public int frameLength() {
        return frameLength;
    }

    /** Bytes fed but not yet returned as frames. */
    public int buffered() {
        return end - start;
    }
}
