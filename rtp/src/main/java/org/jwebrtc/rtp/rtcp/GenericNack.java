package org.jwebrtc.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/** Generic NACK (RFC 4585 §6.2.1): RTPFB (PT 205) FMT 1. */
public record GenericNack(long senderSsrc, long mediaSsrc, List<NackPair> pairs) implements RtcpPacket {
    public static final int FMT = 1;

    public GenericNack {
        RtcpHeader.checkU32("sender ssrc", senderSsrc);
        RtcpHeader.checkU32("media ssrc", mediaSsrc);
        pairs = List.copyOf(pairs);
    }

    /**
     * Packs lost sequence numbers into PID+BLP pairs. Give them in RTP order (wrap-around is fine):
     * a number within 16 after the current PID joins its bitmask, anything else starts a new pair.
     */
    public static GenericNack of(long senderSsrc, long mediaSsrc, List<Integer> lostSequenceNumbers) {
        List<NackPair> out = new ArrayList<>();
        int pid = -1;
        int blp = 0;
        for (int seq : lostSequenceNumbers) {
            RtcpHeader.checkRange("sequence number", seq, 0, 0xFFFF);
            if (pid >= 0) {
                int d = (seq - pid) & 0xFFFF;
                if (d == 0) {
                    continue;
                }
                if (d <= 16) {
                    blp |= 1 << (d - 1);
                    continue;
                }
                out.add(new NackPair(pid, blp));
            }
            pid = seq;
            blp = 0;
        }
        if (pid >= 0) {
            out.add(new NackPair(pid, blp));
        }
        return new GenericNack(senderSsrc, mediaSsrc, out);
    }

    /** Every sequence number this NACK reports lost, pair by pair in bit order. */
    public List<Integer> lostSequenceNumbers() {
        List<Integer> out = new ArrayList<>();
        for (NackPair p : pairs) {
            out.add(p.packetId());
            for (int i = 0; i < 16; i++) {
                if ((p.lostBitmask() & (1 << i)) != 0) {
                    out.add((p.packetId() + i + 1) & 0xFFFF);
                }
            }
        }
        return out;
    }

    static GenericNack parse(byte[] b, int p, int len, int base) throws RtpException {
        if (len < 8) {
            throw new RtpException("generic NACK needs 8 bytes, has " + len, p - base);
        }
        int n = (len - 8) / 4;
        List<NackPair> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int q = p + 8 + 4 * i;
            pairs.add(new NackPair(Bytes.u16(b, q), Bytes.u16(b, q + 2)));
        }
        return new GenericNack(Bytes.u32(b, p), Bytes.u32(b, p + 4), pairs);
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    @Override
    public int encodedLength() {
        return RtcpHeader.LENGTH + 8 + 4 * pairs.size();
    }

    @Override
    public int encode(byte[] dst, int off) {
        int total = encodedLength();
        RtcpHeader.write(dst, off, FMT, RTPFB, total);
        Bytes.put32(dst, off + 4, senderSsrc);
        Bytes.put32(dst, off + 8, mediaSsrc);
        int p = off + 12;
        for (NackPair n : pairs) {
            Bytes.put16(dst, p, n.packetId());
            Bytes.put16(dst, p + 2, n.lostBitmask());
            p += 4;
        }
        return total;
    }
}
