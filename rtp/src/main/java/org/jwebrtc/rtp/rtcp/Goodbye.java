package org.jwebrtc.rtp.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/** BYE (RFC 3550 §6.6), PT 203: leaving sources and an optional reason ("" = none). */
public record Goodbye(List<Long> ssrcs, String reason) implements RtcpPacket {
    public Goodbye {
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > 31) {
            throw new IllegalArgumentException(ssrcs.size() + " SSRCs exceed SC=31");
        }
        for (Long s : ssrcs) {
            RtcpHeader.checkU32("ssrc", s);
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("BYE reason longer than 255 bytes");
        }
    }

    static Goodbye parse(byte[] b, int p, int len, int count, int base) throws RtpException {
        if (len < 4 * count) {
            throw new RtpException("BYE with " + count + " SSRCs needs " + 4 * count + " bytes", p - base);
        }
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(Bytes.u32(b, p + 4 * i));
        }
        String reason = "";
        int q = p + 4 * count;
        int rest = len - 4 * count;
        if (rest > 0) {
            int n = b[q] & 0xFF;
            if (n > rest - 1) {
                throw new RtpException("BYE reason length " + n + " exceeds remaining " + (rest - 1), q - base);
            }
            reason = new String(b, q + 1, n, StandardCharsets.UTF_8);
        }
        return new Goodbye(ssrcs, reason);
    }

    @Override
    public int packetType() {
        return BYE;
    }

    @Override
    public int encodedLength() {
        int n = RtcpHeader.LENGTH + 4 * ssrcs.size();
        if (!reason.isEmpty()) {
            n += RtcpHeader.pad4(1 + reason.getBytes(StandardCharsets.UTF_8).length);
        }
        return n;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int total = encodedLength();
        RtcpHeader.write(dst, off, ssrcs.size(), BYE, total);
        int p = off + 4;
        for (Long s : ssrcs) {
            Bytes.put32(dst, p, s);
            p += 4;
        }
        if (!reason.isEmpty()) {
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            dst[p] = (byte) r.length;
            System.arraycopy(r, 0, dst, p + 1, r.length);
            p += 1 + r.length;
            while (p < off + total) {
                dst[p++] = 0;
            }
        }
        return total;
    }
}
