package org.jwebrtc.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/**
 * FIR (RFC 5104 §4.3.1): PSFB (PT 206) FMT 4. The media-source SSRC field "SHALL be set to 0"
 * (§4.3.1.2); it is kept as parsed so odd senders round-trip.
 */
public record FullIntraRequest(long senderSsrc, long mediaSsrc, List<FirEntry> entries) implements RtcpPacket {
    public static final int FMT = 4;

    public FullIntraRequest {
        RtcpHeader.checkU32("sender ssrc", senderSsrc);
        RtcpHeader.checkU32("media ssrc", mediaSsrc);
        entries = List.copyOf(entries);
    }

    public FullIntraRequest(long senderSsrc, List<FirEntry> entries) {
        this(senderSsrc, 0, entries);
    }

    static FullIntraRequest parse(byte[] b, int p, int len, int base) throws RtpException {
        if (len < 8) {
            throw new RtpException("FIR needs 8 bytes, has " + len, p - base);
        }
        int n = (len - 8) / 8;
        List<FirEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int q = p + 8 + 8 * i;
            entries.add(new FirEntry(Bytes.u32(b, q), b[q + 4] & 0xFF));
        }
        return new FullIntraRequest(Bytes.u32(b, p), Bytes.u32(b, p + 4), entries);
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return RtcpHeader.LENGTH + 8 + 8 * entries.size();
    }

    @Override
    public int encode(byte[] dst, int off) {
        int total = encodedLength();
        RtcpHeader.write(dst, off, FMT, PSFB, total);
        Bytes.put32(dst, off + 4, senderSsrc);
        Bytes.put32(dst, off + 8, mediaSsrc);
        int p = off + 12;
        for (FirEntry e : entries) {
            Bytes.put32(dst, p, e.ssrc());
            dst[p + 4] = (byte) e.sequenceNumber();
            dst[p + 5] = 0; // reserved
            dst[p + 6] = 0;
            dst[p + 7] = 0;
            p += 8;
        }
        return total;
    }
}
