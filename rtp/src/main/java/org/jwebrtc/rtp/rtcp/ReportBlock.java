package org.jwebrtc.rtp.rtcp;

import org.jwebrtc.rtp.internal.Bytes;

/**
 * A reception report block (RFC 3550 §6.4.1): 24 bytes. {@code cumulativeLost} is a signed 24-bit
 * value (duplicates can make it negative); {@code lastSr} is the middle 32 bits of the SR NTP time and
 * {@code delaySinceLastSr} is in 1/65536 s.
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long highestSequence,
                          long jitter, long lastSr, long delaySinceLastSr) {
    static final int LENGTH = 24;

    public ReportBlock {
        RtcpHeader.checkU32("ssrc", ssrc);
        RtcpHeader.checkRange("fraction lost", fractionLost, 0, 255);
        RtcpHeader.checkRange("cumulative lost", cumulativeLost, -0x800000, 0x7FFFFF);
        RtcpHeader.checkU32("extended highest sequence", highestSequence);
        RtcpHeader.checkU32("jitter", jitter);
        RtcpHeader.checkU32("LSR", lastSr);
        RtcpHeader.checkU32("DLSR", delaySinceLastSr);
    }

    static ReportBlock parse(byte[] b, int p) {
        int lost = Bytes.u24(b, p + 5);
        if ((lost & 0x800000) != 0) {
            lost |= 0xFF000000; // sign-extend the 24-bit field
        }
        return new ReportBlock(Bytes.u32(b, p), b[p + 4] & 0xFF, lost, Bytes.u32(b, p + 8),
                Bytes.u32(b, p + 12), Bytes.u32(b, p + 16), Bytes.u32(b, p + 20));
    }

    void write(byte[] b, int p) {
        Bytes.put32(b, p, ssrc);
        b[p + 4] = (byte) fractionLost;
        Bytes.put24(b, p + 5, cumulativeLost & 0xFFFFFF);
        Bytes.put32(b, p + 8, highestSequence);
        Bytes.put32(b, p + 12, jitter);
        Bytes.put32(b, p + 16, lastSr);
        Bytes.put32(b, p + 20, delaySinceLastSr);
    }
}
