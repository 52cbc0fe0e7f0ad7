package org.jwebrtc.rtp.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/** SR: sender report (RFC 3550 §6.4.1), PT 200. {@code ntpTimestamp} is the 64-bit NTP time. */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
                           List<ReportBlock> reports, byte[] profileExtension) implements RtcpPacket {
    public SenderReport {
        RtcpHeader.checkU32("ssrc", ssrc);
        RtcpHeader.checkU32("RTP timestamp", rtpTimestamp);
        RtcpHeader.checkU32("packet count", packetCount);
        RtcpHeader.checkU32("octet count", octetCount);
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException(reports.size() + " report blocks exceed RC=31");
        }
        profileExtension = profileExtension.clone();
        if (profileExtension.length % 4 != 0) {
            throw new IllegalArgumentException("profile extension must be whole 32-bit words");
        }
    }

    public SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
                        List<ReportBlock> reports) {
        this(ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount, reports, new byte[0]);
    }

    static SenderReport parse(byte[] b, int p, int len, int count, int base) throws RtpException {
        int need = 24 + ReportBlock.LENGTH * count;
        if (len < need) {
            throw new RtpException("SR with " + count + " blocks needs " + need + " bytes, has " + len, p - base);
        }
        // whole words only: stripping RTCP padding can leave a partial word
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.parse(b, p + 24 + ReportBlock.LENGTH * i));
        }
        return new SenderReport(Bytes.u32(b, p), Bytes.u64(b, p + 4), Bytes.u32(b, p + 12), Bytes.u32(b, p + 16),
                Bytes.u32(b, p + 20), blocks, Arrays.copyOfRange(b, p + need, p + need + ((len - need) & ~3)));
    }

    @Override
    public byte[] profileExtension() {
        return profileExtension.clone();
    }

    @Override
    public int packetType() {
        return SR;
    }

    @Override
    public int encodedLength() {
        return RtcpHeader.LENGTH + 24 + ReportBlock.LENGTH * reports.size() + profileExtension.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int total = encodedLength();
        RtcpHeader.write(dst, off, reports.size(), SR, total);
        int p = off + 4;
        Bytes.put32(dst, p, ssrc);
        Bytes.put64(dst, p + 4, ntpTimestamp);
        Bytes.put32(dst, p + 12, rtpTimestamp);
        Bytes.put32(dst, p + 16, packetCount);
        Bytes.put32(dst, p + 20, octetCount);
        p += 24;
        for (ReportBlock r : reports) {
            r.write(dst, p);
            p += ReportBlock.LENGTH;
        }
        System.arraycopy(profileExtension, 0, dst, p, profileExtension.length);
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenderReport s && s.ssrc == ssrc && s.ntpTimestamp == ntpTimestamp
                && s.rtpTimestamp == rtpTimestamp && s.packetCount == packetCount && s.octetCount == octetCount
                && s.reports.equals(reports) && Arrays.equals(s.profileExtension, profileExtension);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ssrc) * 31 + Long.hashCode(ntpTimestamp) * 17 + reports.hashCode()
                + Arrays.hashCode(profileExtension);
    }

    @Override
    public String toString() {
        return "SenderReport[ssrc=" + ssrc + ", ntp=" + Long.toHexString(ntpTimestamp) + ", rtp=" + rtpTimestamp
                + ", packets=" + packetCount + ", octets=" + octetCount + ", reports=" + reports + "]";
    }
}
