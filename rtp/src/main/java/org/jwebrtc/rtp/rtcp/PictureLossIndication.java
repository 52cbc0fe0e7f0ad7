package org.jwebrtc.rtp.rtcp;

import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/** PLI (RFC 4585 §6.3.1): PSFB (PT 206) FMT 1, no FCI. */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {
    public static final int FMT = 1;

    public PictureLossIndication {
        RtcpHeader.checkU32("sender ssrc", senderSsrc);
        RtcpHeader.checkU32("media ssrc", mediaSsrc);
    }

    static PictureLossIndication parse(byte[] b, int p, int len, int base) throws RtpException {
        if (len < 8) {
            throw new RtpException("PLI needs 8 bytes, has " + len, p - base);
        }
        return new PictureLossIndication(Bytes.u32(b, p), Bytes.u32(b, p + 4));
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return 12;
    }

    @Override
    public int encode(byte[] dst, int off) {
        RtcpHeader.write(dst, off, FMT, PSFB, 12);
        Bytes.put32(dst, off + 4, senderSsrc);
        Bytes.put32(dst, off + 8, mediaSsrc);
        return 12;
    }
}
