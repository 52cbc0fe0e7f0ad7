package org.jwebrtc.rtp.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/**
 * BYE (RFC 3550 §6.6), PT 203: leaving sources and an optional reason, kept as the bytes on the wire
 * (normally UTF-8; empty = none) so that any received reason re-encodes unchanged.
 */
public record Goodbye(List<Long> ssrcs, byte[] reason) implements RtcpPacket {
    public Goodbye {
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > 31) {
            throw new IllegalArgumentException(ssrcs.size() + " SSRCs exceed SC=31");
        }
        for (Long s : ssrcs) {
            RtcpHeader.checkU32("ssrc", s);
        }
        reason = reason.clone();
        if (reason.length > 255) {
            throw new IllegalArgumentException("BYE reason longer than 255 bytes");
        }
    }

    public Goodbye(List<Long> ssrcs, String reason) {
        this(ssrcs, reason.getBytes(StandardCharsets.UTF_8));
    }

    public Goodbye(List<Long> ssrcs) {
        this(ssrcs, new byte[0]);
    }

    @Override
    public byte[] reason() {
        return reason.clone();
    }

    public String reasonText() {
        return new String(reason, StandardCharsets.UTF_8);
    }

    static Goodbye parse(byte[] b, int p, int len, int count, int base) throws RtpException {
        if (len < 4 * count) {
            throw new RtpException("BYE with " + count + " SSRCs needs " + 4 * count + " bytes", p - base);
        }
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(Bytes.u32(b, p + 4 * i));
        }
        byte[] reason = new byte[0];
        int q = p + 4 * count;
        int rest = len - 4 * count;
        if (rest > 0) {
            int n = b[q] & 0xFF;
            if (n > rest - 1) {
                throw new RtpException("BYE reason length " + n + " exceeds remaining " + (rest - 1), q - base);
            }
            reason = Arrays.copyOfRange(b, q + 1, q + 1 + n);
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
        if (reason.length > 0) {
            n += RtcpHeader.pad4(1 + reason.length);
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
        if (reason.length > 0) {
            dst[p] = (byte) reason.length;
            System.arraycopy(reason, 0, dst, p + 1, reason.length);
            p += 1 + reason.length;
            while (p < off + total) {
                dst[p++] = 0;
            }
        }
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Goodbye g && g.ssrcs.equals(ssrcs) && Arrays.equals(g.reason, reason);
    }

    @Override
    public int hashCode() {
        return ssrcs.hashCode() * 31 + Arrays.hashCode(reason);
    }

    @Override
    public String toString() {
        return "Goodbye[ssrcs=" + ssrcs + ", reason=" + reasonText() + "]";
    }
}
