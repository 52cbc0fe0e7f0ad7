package org.jwebrtc.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.internal.Bytes;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1):
 * RTPFB (PT 205) FMT 15. {@code packets} holds one status per sequence number starting at
 * {@code baseSequenceNumber}; {@code referenceTime} is a signed 24-bit count of 64 ms units.
 * The wire chunks (run-length, 1-bit and 2-bit status vectors) are chosen on encode.
 */
public record TransportWideFeedback(long senderSsrc, long mediaSsrc, int baseSequenceNumber, int referenceTime,
                                    int feedbackPacketCount, List<PacketStatus> packets) implements RtcpPacket {
    public static final int FMT = 15;
    /** Reference time unit in microseconds (§3.1). */
    public static final int REFERENCE_TIME_MICROS = 64_000;
    private static final int MAX_RUN = 0x1FFF;

    public TransportWideFeedback {
        RtcpHeader.checkU32("sender ssrc", senderSsrc);
        RtcpHeader.checkU32("media ssrc", mediaSsrc);
        RtcpHeader.checkRange("base sequence number", baseSequenceNumber, 0, 0xFFFF);
        RtcpHeader.checkRange("reference time", referenceTime, -0x800000, 0x7FFFFF);
        RtcpHeader.checkRange("feedback packet count", feedbackPacketCount, 0, 255);
        packets = List.copyOf(packets);
        if (packets.size() > 0xFFFF) {
            throw new IllegalArgumentException(packets.size() + " statuses exceed 65535");
        }
    }

    /**
     * Builds feedback from receive times: {@code arrivalMicros[i]} is when packet
     * {@code baseSequenceNumber + i} arrived (any monotonic origin, microseconds) or -1 if it was not
     * received. Times are quantised down to 250 µs ticks; each delta is taken from the previous
     * quantised time so rounding does not accumulate (draft §3.1.5).
     *
     * @throws IllegalArgumentException if a delta does not fit 16 bits (send the rest in a new feedback)
     */
    public static TransportWideFeedback fromArrivals(long senderSsrc, long mediaSsrc, int baseSequenceNumber,
                                                     int feedbackPacketCount, long[] arrivalMicros) {
        long ref = 0;
        for (long t : arrivalMicros) {
            if (t >= 0) {
                ref = Math.floorDiv(t, REFERENCE_TIME_MICROS);
                break;
            }
        }
        long prevTicks = ref * (REFERENCE_TIME_MICROS / PacketStatus.TICK_MICROS);
        List<PacketStatus> statuses = new ArrayList<>(arrivalMicros.length);
        for (long t : arrivalMicros) {
            if (t < 0) {
                statuses.add(PacketStatus.LOST);
                continue;
            }
            long ticks = Math.floorDiv(t, PacketStatus.TICK_MICROS);
            long delta = ticks - prevTicks;
            if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                throw new IllegalArgumentException("receive delta of " + delta + " ticks does not fit 16 bits");
            }
            statuses.add(PacketStatus.received((int) delta));
            prevTicks = ticks;
        }
        int wrapped = (int) ((ref << 40) >> 40); // the field is 24 bits; keep its sign-extended low bits
        return new TransportWideFeedback(senderSsrc, mediaSsrc, baseSequenceNumber, wrapped, feedbackPacketCount,
                statuses);
    }

    /**
     * Receive time of each packet in microseconds since the reference-time origin (reference time x 64 ms
     * plus the running sum of deltas), or -1 for packets not received.
     */
    public long[] arrivalMicros() {
        long[] out = new long[packets.size()];
        long t = (long) referenceTime * REFERENCE_TIME_MICROS;
        for (int i = 0; i < out.length; i++) {
            PacketStatus s = packets.get(i);
            if (s.isReceived()) {
                t += s.deltaMicros();
                out[i] = t;
            } else {
                out[i] = -1;
            }
        }
        return out;
    }

    static TransportWideFeedback parse(byte[] b, int p, int len, int base) throws RtpException {
        if (len < 16) {
            throw new RtpException("transport-wide feedback needs 16 bytes, has " + len, p - base);
        }
        int end = p + len;
        int baseSeq = Bytes.u16(b, p + 8);
        int count = Bytes.u16(b, p + 10);
        int ref = Bytes.u24(b, p + 12);
        if ((ref & 0x800000) != 0) {
            ref |= 0xFF000000;
        }
        int fbCount = b[p + 15] & 0xFF;
        byte[] symbols = new byte[count];
        int k = 0;
        int q = p + 16;
        while (k < count) {
            if (end - q < 2) {
                throw new RtpException("packet chunks end after " + k + " of " + count + " statuses", q - base);
            }
            int chunk = Bytes.u16(b, q);
            q += 2;
            if ((chunk & 0x8000) == 0) { // §3.1.3 run length chunk
                int s = (chunk >>> 13) & 3;
                int run = chunk & MAX_RUN;
                for (int j = 0; j < run && k < count; j++) {
                    symbols[k++] = (byte) s;
                }
            } else if ((chunk & 0x4000) == 0) { // §3.1.4 status vector, 14 one-bit symbols
                for (int j = 0; j < 14 && k < count; j++) {
                    symbols[k++] = (byte) ((chunk >>> (13 - j)) & 1);
                }
            } else { // seven two-bit symbols
                for (int j = 0; j < 7 && k < count; j++) {
                    symbols[k++] = (byte) ((chunk >>> (12 - 2 * j)) & 3);
                }
            }
        }
        List<PacketStatus> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int s = symbols[i];
            if (s == PacketStatus.NOT_RECEIVED) {
                out.add(PacketStatus.LOST);
            } else if (s == PacketStatus.SMALL_DELTA) {
                if (end - q < 1) {
                    throw new RtpException("receive delta " + i + " truncated", q - base);
                }
                out.add(new PacketStatus(s, b[q] & 0xFF));
                q += 1;
            } else if (s == PacketStatus.LARGE_DELTA) {
                if (end - q < 2) {
                    throw new RtpException("receive delta " + i + " truncated", q - base);
                }
                out.add(new PacketStatus(s, (short) Bytes.u16(b, q)));
                q += 2;
            } else {
                throw new RtpException("reserved status symbol 3 for packet " + i, q - base);
            }
        }
        return new TransportWideFeedback(Bytes.u32(b, p), Bytes.u32(b, p + 4), baseSeq, ref, fbCount, out);
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    /** Packed chunks, one int each (low 16 bits), chosen greedily: long runs, else vectors. */
    private int[] chunks() {
        int n = packets.size();
        int[] out = new int[n + 1];
        int c = 0;
        int i = 0;
        while (i < n) {
            int s = packets.get(i).symbol();
            int run = 1;
            while (i + run < n && run < MAX_RUN && packets.get(i + run).symbol() == s) {
                run++;
            }
            if (run >= 14 || i + run == n) {
                out[c++] = (s << 13) | run;
                i += run;
                continue;
            }
            int span = Math.min(14, n - i);
            boolean oneBit = true;
            for (int j = 0; j < span; j++) {
                if (packets.get(i + j).symbol() > 1) {
                    oneBit = false;
                    break;
                }
            }
            int chunk;
            if (oneBit) {
                chunk = 0x8000;
                for (int j = 0; j < span; j++) {
                    chunk |= packets.get(i + j).symbol() << (13 - j);
                }
                i += span;
            } else {
                span = Math.min(7, n - i);
                chunk = 0xC000;
                for (int j = 0; j < span; j++) {
                    chunk |= packets.get(i + j).symbol() << (12 - 2 * j);
                }
                i += span;
            }
            out[c++] = chunk;
        }
        return java.util.Arrays.copyOf(out, c);
    }

    private int deltaBytes() {
        int n = 0;
        for (PacketStatus s : packets) {
            n += s.symbol();
        }
        return n; // symbol value equals its delta size: 0, 1 or 2 bytes
    }

    @Override
    public int encodedLength() {
        return RtcpHeader.LENGTH + RtcpHeader.pad4(16 + 2 * chunks().length + deltaBytes());
    }

    @Override
    public int encode(byte[] dst, int off) {
        int[] chunks = chunks();
        int total = RtcpHeader.LENGTH + RtcpHeader.pad4(16 + 2 * chunks.length + deltaBytes());
        RtcpHeader.write(dst, off, FMT, RTPFB, total);
        Bytes.put32(dst, off + 4, senderSsrc);
        Bytes.put32(dst, off + 8, mediaSsrc);
        Bytes.put16(dst, off + 12, baseSequenceNumber);
        Bytes.put16(dst, off + 14, packets.size());
        Bytes.put24(dst, off + 16, referenceTime & 0xFFFFFF);
        dst[off + 19] = (byte) feedbackPacketCount;
        int p = off + 20;
        for (int c : chunks) {
            Bytes.put16(dst, p, c);
            p += 2;
        }
        for (PacketStatus s : packets) {
            if (s.symbol() == PacketStatus.SMALL_DELTA) {
                dst[p++] = (byte) s.delta();
            } else if (s.symbol() == PacketStatus.LARGE_DELTA) {
                Bytes.put16(dst, p, s.delta() & 0xFFFF);
                p += 2;
            }
        }
        while (p < off + total) {
            dst[p++] = 0; // zero fill to the 32-bit boundary; the status count bounds the parse
        }
        return total;
    }
}
