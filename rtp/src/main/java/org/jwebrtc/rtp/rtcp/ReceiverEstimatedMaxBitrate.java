package org.jwebrtc.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/**
 * REMB (draft-alvestrand-rmcat-remb-03 §2.2): PSFB (PT 206) FMT 15 with the "REMB" identifier, a
 * 6-bit exponent and 18-bit mantissa bitrate, and the SSRCs it applies to. The bitrate is encoded as
 * the largest representable value not above {@code bitrate}; parsed values saturate at the largest value a
 * 63-bit long and the 18-bit mantissa can both hold ({@code 0x3FFFF << 45}), so a parse always re-encodes to itself.
 */
public record ReceiverEstimatedMaxBitrate(long senderSsrc, long bitrate, List<Long> ssrcs) implements RtcpPacket {
    public static final int FMT = 15;
    static final int IDENTIFIER = 0x52454D42; // "REMB"

    public ReceiverEstimatedMaxBitrate {
        RtcpHeader.checkU32("sender ssrc", senderSsrc);
        if (bitrate < 0) {
            throw new IllegalArgumentException("negative bitrate " + bitrate);
        }
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > 255) {
            throw new IllegalArgumentException(ssrcs.size() + " SSRCs exceed 255");
        }
        for (Long s : ssrcs) {
            RtcpHeader.checkU32("ssrc", s);
        }
    }

    /** True when the PSFB FMT 15 body at {@code p} starts with the "REMB" identifier. */
    static boolean matches(byte[] b, int p, int len) {
        return len >= 12 && Bytes.u32(b, p + 8) == IDENTIFIER;
    }

    /** Saturation of parsed values: the largest encodable bitrate that fits a long (fuzz finding: round trip). */
    static final long MAX_PARSED = 0x3FFFFL << 45;

    static ReceiverEstimatedMaxBitrate parse(byte[] b, int p, int len, int base) throws RtpException {
        if (len < 16) {
            throw new RtpException("REMB needs 16 bytes, has " + len, p - base);
        }
        int n = b[p + 12] & 0xFF;
        int exp = (b[p + 13] & 0xFF) >>> 2;
        long mantissa = Bytes.u24(b, p + 13) & 0x3FFFF;
        if (len < 16 + 4 * n) {
            throw new RtpException("REMB with " + n + " SSRCs needs " + (16 + 4 * n) + " bytes", p - base);
        }
        long bitrate = mantissa == 0 ? 0
                : exp > Long.numberOfLeadingZeros(mantissa) - 1 ? MAX_PARSED : mantissa << exp;
        List<Long> ssrcs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ssrcs.add(Bytes.u32(b, p + 16 + 4 * i));
        }
        return new ReceiverEstimatedMaxBitrate(Bytes.u32(b, p), bitrate, ssrcs);
    }

    /** The bitrate this packet carries on the wire (mantissa << exponent). */
    public long encodedBitrate() {
        int exp = Math.max(0, 64 - Long.numberOfLeadingZeros(bitrate) - 18);
        return (bitrate >>> exp) << exp;
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return RtcpHeader.LENGTH + 16 + 4 * ssrcs.size();
    }

    @Override
    public int encode(byte[] dst, int off) {
        int total = encodedLength();
        RtcpHeader.write(dst, off, FMT, PSFB, total);
        Bytes.put32(dst, off + 4, senderSsrc);
        Bytes.put32(dst, off + 8, 0); // media source SSRC unused (draft §2.2)
        Bytes.put32(dst, off + 12, IDENTIFIER);
        int exp = Math.max(0, 64 - Long.numberOfLeadingZeros(bitrate) - 18);
        long mantissa = bitrate >>> exp;
        dst[off + 16] = (byte) ssrcs.size();
        Bytes.put24(dst, off + 17, (int) ((exp << 18) | mantissa));
        int p = off + 20;
        for (Long s : ssrcs) {
            Bytes.put32(dst, p, s);
            p += 4;
        }
        return total;
    }
}
