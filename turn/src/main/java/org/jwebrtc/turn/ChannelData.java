package org.jwebrtc.turn;

import java.util.Objects;
import org.jwebrtc.turn.internal.Bytes;

/**
 * ChannelData message (RFC 8656 §12.4): channel number (16 bits), length (16 bits), application
 * data. Over stream transports the message is padded to a multiple of 4 bytes (§12.5); over UDP
 * the padding is optional and ignored on receipt.
 *
 * <p>Reusable zero-copy view: {@link #wrap} checks the lengths once; the accessors then point into
 * the caller's buffer, valid until it is overwritten. Not thread-safe; owned by one thread.
 */
public final class ChannelData {
    public static final int HEADER_LENGTH = 4;
    /** Largest application data a ChannelData message can carry (16-bit length field). */
    public static final int MAX_DATA_LENGTH = 0xFFFF;

    private byte[] buf;
    private int channel;
    private int dataOffset;
    private int dataLength;

    /**
     * RFC 7983 §7 / RFC 8656 §12: the first byte of a ChannelData message is 0x40..0x4F
     * (channels 0x4000..0x4FFF). Cheap demultiplexing test; does not check the length.
     */
    public static boolean isChannelData(byte[] buf, int off, int len) {
        return len >= HEADER_LENGTH && off >= 0 && off <= buf.length - len && (buf[off] & 0xF0) == 0x40;
    }

    /** Message size for {@code dataLength} bytes; rounded up to 4 when {@code padded} (§12.5). */
    public static int encodedLength(int dataLength, boolean padded) {
        if (dataLength < 0 || dataLength > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("data length must be 0..65535: " + dataLength);
        }
        int n = HEADER_LENGTH + dataLength;
        return padded ? Bytes.padded(n) : n;
    }

    /**
     * Writes a ChannelData message at {@code dst[dstOff]}; returns the bytes written (padding
     * zeroed and included when {@code padded}). IllegalArgumentException if {@code dst} is too
     * small or the channel is outside 0x4000..0x4FFF.
     */
    public static int encode(int channel, byte[] data, int off, int len, byte[] dst, int dstOff, boolean padded) {
        Objects.checkFromIndexSize(off, len, data.length);
        int n = encodedLength(len, padded);
        if (dstOff < 0 || dst.length - dstOff < n) {
            throw new IllegalArgumentException("buffer too small: need " + n + " bytes at offset " + dstOff);
        }
        System.arraycopy(data, off, dst, dstOff + HEADER_LENGTH, len);
        writeHeader(channel, len, dst, dstOff);
        for (int i = dstOff + HEADER_LENGTH + len; i < dstOff + n; i++) {
            dst[i] = 0;
        }
        return n;
    }

    /** Writes only the 4-byte header, for callers that placed the data at {@code dst[dstOff + 4]} already. */
    public static void writeHeader(int channel, int dataLength, byte[] dst, int dstOff) {
        if (!ChannelNumber.isValid(channel)) {
            throw new IllegalArgumentException("channel number outside 0x4000..0x4FFF: " + channel);
        }
        if (dataLength < 0 || dataLength > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("data length must be 0..65535: " + dataLength);
        }
        Bytes.put16(dst, dstOff, channel);
        Bytes.put16(dst, dstOff + 2, dataLength);
    }

    /**
     * Points the view at {@code buf[off, off+len)}. The message may be followed by padding or
     * other bytes (§12.5: the receiver uses the length field, not the datagram size), but the
     * length field must not run past {@code len}.
     */
    public ChannelData wrap(byte[] buf, int off, int len) throws TurnException {
        Objects.checkFromIndexSize(off, len, buf.length);
        this.buf = null;
        if (len < HEADER_LENGTH) {
            throw new TurnException("ChannelData of " + len + " bytes is shorter than the 4-byte header", off);
        }
        int ch = Bytes.u16(buf, off);
        if (!ChannelNumber.isValid(ch)) {
            throw new TurnException("channel number 0x" + Integer.toHexString(ch) + " outside 0x4000..0x4FFF", off);
        }
        int dl = Bytes.u16(buf, off + 2);
        if (dl > len - HEADER_LENGTH) {
            throw new TurnException("ChannelData length " + dl + " exceeds remaining " + (len - HEADER_LENGTH), off + 2);
        }
        this.buf = buf;
        this.channel = ch;
        this.dataOffset = off + HEADER_LENGTH;
        this.dataLength = dl;
        return this;
    }

    private void checkWrapped() {
        if (buf == null) {
            throw new IllegalStateException("wrap() a valid message first");
        }
    }

    public byte[] buffer() {
        checkWrapped();
        return buf;
    }

    public int channel() {
        checkWrapped();
        return channel;
    }

    /** Absolute offset of the application data in {@link #buffer()}. */
    public int dataOffset() {
        checkWrapped();
        return dataOffset;
    }

    public int dataLength() {
        checkWrapped();
        return dataLength;
    }
}
