package org.jwebrtc.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/** SDES (RFC 3550 §6.5), PT 202: up to 31 chunks. */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {
    public SourceDescription {
        chunks = List.copyOf(chunks);
        if (chunks.size() > 31) {
            throw new IllegalArgumentException(chunks.size() + " SDES chunks exceed SC=31");
        }
    }

    /** One chunk carrying only a CNAME (what WebRTC sends in every compound packet). */
    public static SourceDescription cname(long ssrc, String cname) {
        return new SourceDescription(List.of(new SdesChunk(ssrc, List.of(SdesItem.cname(cname)))));
    }

    static SourceDescription parse(byte[] b, int p, int len, int count, int base) throws RtpException {
        int end = p + len;
        int start = p;
        List<SdesChunk> chunks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            if (end - p < 4) {
                throw new RtpException("SDES chunk " + c + " truncated", p - base);
            }
            long ssrc = Bytes.u32(b, p);
            p += 4;
            List<SdesItem> items = new ArrayList<>();
            while (true) {
                if (p >= end) {
                    throw new RtpException("SDES chunk " + c + " lacks its terminating null octet", p - base);
                }
                int type = b[p] & 0xFF;
                if (type == 0) { // end of list; skip to the next 32-bit boundary
                    p = start + RtcpHeader.pad4(p + 1 - start);
                    break;
                }
                if (end - p < 2) {
                    throw new RtpException("SDES item header truncated", p - base);
                }
                int n = b[p + 1] & 0xFF;
                if (n > end - p - 2) {
                    throw new RtpException("SDES item length " + n + " exceeds remaining " + (end - p - 2), p - base);
                }
                byte[] v = new byte[n];
                System.arraycopy(b, p + 2, v, 0, n);
                items.add(new SdesItem(type, v));
                p += 2 + n;
            }
            if (p > end) {
                throw new RtpException("SDES chunk padding runs past the packet", end - base);
            }
            chunks.add(new SdesChunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }

    @Override
    public int packetType() {
        return SDES;
    }

    @Override
    public int encodedLength() {
        int n = RtcpHeader.LENGTH;
        for (SdesChunk c : chunks) {
            n += c.encodedLength();
        }
        return n;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int total = encodedLength();
        RtcpHeader.write(dst, off, chunks.size(), SDES, total);
        int p = off + 4;
        for (SdesChunk c : chunks) {
            int chunkEnd = p + c.encodedLength();
            Bytes.put32(dst, p, c.ssrc());
            p += 4;
            for (int k = 0; k < c.items().size(); k++) {
                SdesItem i = c.items().get(k);
                dst[p] = (byte) i.type();
                dst[p + 1] = (byte) i.length();
                i.copyTo(dst, p + 2);
                p += 2 + i.length();
            }
            while (p < chunkEnd) {
                dst[p++] = 0;
            }
        }
        return total;
    }
}
