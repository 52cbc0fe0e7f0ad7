package org.jwebrtc.rtp.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/**
 * Compound RTCP (RFC 3550 §6.1) parse and encode. Reduced-size RTCP (RFC 5506 §3.4.2) is accepted:
 * a datagram may hold a single packet of any type, so the "first packet is SR/RR" rule is not
 * enforced. Padding (P bit, RFC 3550 §6.4.1) is stripped on parse.
 */
public final class RtcpCompound {
    private RtcpCompound() {}

    /** RFC 5761 §4: with RTP/RTCP mux, a second byte of 192..223 marks RTCP. */
    public static boolean isRtcp(byte[] buf, int off, int len) {
        if (len < 2) {
            return false;
        }
        int pt = buf[off + 1] & 0xFF;
        return pt >= 192 && pt <= 223;
    }

    public static List<RtcpPacket> parse(byte[] buf, int off, int len) throws RtpException {
        Bytes.checkRange(buf, off, len);
        if (len == 0) {
            throw new RtpException("empty RTCP datagram", 0);
        }
        int end = off + len;
        int p = off;
        List<RtcpPacket> out = new ArrayList<>(4);
        while (p < end) {
            if (end - p < RtcpHeader.LENGTH) {
                throw new RtpException("RTCP header truncated", p - off);
            }
            int b0 = buf[p] & 0xFF;
            if ((b0 >>> 6) != 2) {
                throw new RtpException("RTCP version " + (b0 >>> 6) + " is not 2", p - off);
            }
            int count = b0 & 0x1F;
            int pt = buf[p + 1] & 0xFF;
            int total = (Bytes.u16(buf, p + 2) + 1) * 4;
            if (total > end - p) {
                throw new RtpException("RTCP length " + total + " exceeds remaining " + (end - p), p - off);
            }
            int bodyLen = total - RtcpHeader.LENGTH;
            if ((b0 & 0x20) != 0) {
                int pad = buf[p + total - 1] & 0xFF;
                if (pad == 0 || pad > bodyLen) {
                    throw new RtpException("RTCP padding count " + pad + " invalid", p + total - 1 - off);
                }
                bodyLen -= pad;
            }
            out.add(parseOne(buf, p + RtcpHeader.LENGTH, bodyLen, count, pt, off));
            p += total;
        }
        return out;
    }

    private static RtcpPacket parseOne(byte[] b, int p, int len, int count, int pt, int base) throws RtpException {
        switch (pt) {
            case RtcpPacket.SR:
                return SenderReport.parse(b, p, len, count, base);
            case RtcpPacket.RR:
                return ReceiverReport.parse(b, p, len, count, base);
            case RtcpPacket.SDES:
                return SourceDescription.parse(b, p, len, count, base);
            case RtcpPacket.BYE:
                return Goodbye.parse(b, p, len, count, base);
            case RtcpPacket.APP:
                return ApplicationDefined.parse(b, p, len, count, base);
            case RtcpPacket.RTPFB:
                if (count == GenericNack.FMT) {
                    return GenericNack.parse(b, p, len, base);
                }
                if (count == TransportWideFeedback.FMT) {
                    return TransportWideFeedback.parse(b, p, len, base);
                }
                break;
            case RtcpPacket.PSFB:
                if (count == PictureLossIndication.FMT) {
                    return PictureLossIndication.parse(b, p, len, base);
                }
                if (count == FullIntraRequest.FMT) {
                    return FullIntraRequest.parse(b, p, len, base);
                }
                if (count == ReceiverEstimatedMaxBitrate.FMT && ReceiverEstimatedMaxBitrate.matches(b, p, len)) {
                    return ReceiverEstimatedMaxBitrate.parse(b, p, len, base);
                }
                break;
            case RtcpPacket.XR:
                return ExtendedReport.parse(b, p, len, base);
            default:
                break;
        }
        // padding removal can leave a partial word: keep whole words only
        return new RawRtcpPacket(count, pt, Arrays.copyOfRange(b, p, p + (len & ~3)));
    }

    public static int encodedLength(List<? extends RtcpPacket> packets) {
        int n = 0;
        for (RtcpPacket p : packets) {
            n += p.encodedLength();
        }
        return n;
    }

    /** Writes the packets back to back; returns bytes written. */
    public static int encode(List<? extends RtcpPacket> packets, byte[] dst, int off) {
        Bytes.checkRoom(dst, off, encodedLength(packets));
        int p = off;
        for (RtcpPacket r : packets) {
            p += r.encode(dst, p);
        }
        return p - off;
    }

    public static byte[] toBytes(List<? extends RtcpPacket> packets) {
        byte[] b = new byte[encodedLength(packets)];
        encode(packets, b, 0);
        return b;
    }
}
