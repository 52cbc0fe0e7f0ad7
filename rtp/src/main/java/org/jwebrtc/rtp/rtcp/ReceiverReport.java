package org.jwebrtc.rtp.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/** RR: receiver report (RFC 3550 §6.4.2), PT 201. */
public record ReceiverReport(long ssrc, List<ReportBlock> reports, byte[] profileExtension) implements RtcpPacket {
    public ReceiverReport {
        RtcpHeader.checkU32("ssrc", ssrc);
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException(reports.size() + " report blocks exceed RC=31");
        }
        profileExtension = profileExtension.clone();
        if (profileExtension.length % 4 != 0) {
            throw new IllegalArgumentException("profile extension must be whole 32-bit words");
        }
    }

    public ReceiverReport(long ssrc, List<ReportBlock> reports) {
        this(ssrc, reports, new byte[0]);
    }

    static ReceiverReport parse(byte[] b, int p, int len, int count, int base) throws RtpException {
        int need = 4 + ReportBlock.LENGTH * count;
        if (len < need) {
            throw new RtpException("RR with " + count + " blocks needs " + need + " bytes, has " + len, p - base);
        }
        // whole words only: stripping RTCP padding can leave a partial word
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.parse(b, p + 4 + ReportBlock.LENGTH * i));
        }
        return new ReceiverReport(Bytes.u32(b, p), blocks, Arrays.copyOfRange(b, p + need, p + need + ((len - need) & ~3)));
    }

    @Override
    public byte[] profileExtension() {
        return profileExtension.clone();
    }

    @Override
    public int packetType() {
        return RR;
    }

    @Override
    public int encodedLength() {
        return RtcpHeader.LENGTH + 4 + ReportBlock.LENGTH * reports.size() + profileExtension.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int total = encodedLength();
        RtcpHeader.write(dst, off, reports.size(), RR, total);
        Bytes.put32(dst, off + 4, ssrc);
        int p = off + 8;
        for (ReportBlock r : reports) {
            r.write(dst, p);
            p += ReportBlock.LENGTH;
        }
        System.arraycopy(profileExtension, 0, dst, p, profileExtension.length);
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiverReport r && r.ssrc == ssrc && r.reports.equals(reports)
                && Arrays.equals(r.profileExtension, profileExtension);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ssrc) * 31 + reports.hashCode() + Arrays.hashCode(profileExtension);
    }

    @Override
    public String toString() {
        return "ReceiverReport[ssrc=" + ssrc + ", reports=" + reports + ", ext=" + profileExtension.length + "B]";
    }
}
