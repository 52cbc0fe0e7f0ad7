package org.jwebrtc.rtp.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/** XR (RFC 3611 §2), PT 207: the reporter's SSRC and report blocks (RRTR, DLRR, others raw). */
public record ExtendedReport(long ssrc, List<XrBlock> blocks) implements RtcpPacket {
    public ExtendedReport {
        RtcpHeader.checkU32("ssrc", ssrc);
        blocks = List.copyOf(blocks);
    }

    static ExtendedReport parse(byte[] b, int p, int len, int base) throws RtpException {
        if (len < 4) {
            throw new RtpException("XR needs 4 bytes, has " + len, p - base);
        }
        int end = p + len;
        int q = p + 4;
        List<XrBlock> blocks = new ArrayList<>();
        while (q < end) {
            if (end - q < 4) {
                throw new RtpException("XR block header truncated", q - base);
            }
            int bt = b[q] & 0xFF;
            int ts = b[q + 1] & 0xFF;
            int bodyLen = Bytes.u16(b, q + 2) * 4; // RFC 3611 §3: words after the header
            if (bodyLen > end - q - 4) {
                throw new RtpException("XR block of " + bodyLen + " bytes exceeds remaining " + (end - q - 4), q - base);
            }
            int body = q + 4;
            if (bt == ReceiverReferenceTime.BT && bodyLen == 8) {
                blocks.add(new ReceiverReferenceTime(Bytes.u64(b, body)));
            } else if (bt == DlrrBlock.BT && bodyLen % 12 == 0) {
                List<DlrrSubBlock> subs = new ArrayList<>(bodyLen / 12);
                for (int s = body; s < body + bodyLen; s += 12) {
                    subs.add(new DlrrSubBlock(Bytes.u32(b, s), Bytes.u32(b, s + 4), Bytes.u32(b, s + 8)));
                }
                blocks.add(new DlrrBlock(subs));
            } else {
                blocks.add(new RawXrBlock(bt, ts, Arrays.copyOfRange(b, body, body + bodyLen)));
            }
            q = body + bodyLen;
        }
        return new ExtendedReport(Bytes.u32(b, p), blocks);
    }

    @Override
    public int packetType() {
        return XR;
    }

    @Override
    public int encodedLength() {
        int n = RtcpHeader.LENGTH + 4;
        for (XrBlock x : blocks) {
            n += x.encodedLength();
        }
        return n;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int total = encodedLength();
        RtcpHeader.write(dst, off, 0, XR, total);
        Bytes.put32(dst, off + 4, ssrc);
        int p = off + 8;
        for (XrBlock x : blocks) {
            x.write(dst, p);
            p += x.encodedLength();
        }
        return total;
    }
}
