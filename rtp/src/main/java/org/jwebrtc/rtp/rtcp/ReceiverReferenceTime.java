package org.jwebrtc.rtp.rtcp;

import org.jwebrtc.rtp.internal.Bytes;

/** Receiver Reference Time report block (RFC 3611 §4.4), BT=4: a 64-bit NTP timestamp. */
public record ReceiverReferenceTime(long ntpTimestamp) implements XrBlock {
    public static final int BT = 4;

    @Override
    public int blockType() {
        return BT;
    }

    @Override
    public int encodedLength() {
        return 12;
    }

    @Override
    public void write(byte[] dst, int off) {
        dst[off] = BT;
        dst[off + 1] = 0;
        Bytes.put16(dst, off + 2, 2);
        Bytes.put64(dst, off + 4, ntpTimestamp);
    }
}
