package org.jwebrtc.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * AV1 packetizer (AOMedia "RTP Payload Format for AV1" v1.0, §4-§5). Input is one temporal unit in
 * low-overhead bitstream format (OBUs with size fields, as in IVF/Annex-less MP4). Temporal
 * delimiter and tile list OBUs are dropped and size fields removed (§5: "SHOULD"); OBUs become OBU
 * elements behind the aggregation header Z|Y|W|N. Elements are length-prefixed (LEB128) except the
 * last when W (1-3) counts them; OBUs larger than the room left are fragmented (Y, then Z). N marks
 * the first packet of a temporal unit that carries a sequence header (a new coded video sequence).
 */
public final class Av1Packetizer implements Packetizer {
    static final int OBU_SEQUENCE_HEADER = 1;
    static final int OBU_TEMPORAL_DELIMITER = 2;
    static final int OBU_TILE_LIST = 8;

    @Override
    public List<byte[]> packetize(byte[] frame, int off, int len, int mtu) {
        if (mtu < 3) {
            throw new IllegalArgumentException("mtu " + mtu + " too small for AV1");
        }
        List<byte[]> obus = splitObus(frame, off, len);
        boolean newSequence = false;
        for (byte[] o : obus) {
            newSequence |= ((o[0] >>> 3) & 0xF) == OBU_SEQUENCE_HEADER;
        }
        List<byte[]> out = new ArrayList<>();
        Builder b = new Builder(mtu);
        for (byte[] obu : obus) {
            int pos = 0;
            while (pos < obu.length) {
                int avail = mtu - 1 - b.size;
                int n = maxFit(avail);
                if (n < 1) {
                    out.add(b.finish(false));
                    continue;
                }
                n = Math.min(n, obu.length - pos);
                b.add(obu, pos, n, pos > 0);
                pos += n;
                if (pos < obu.length) {
                    out.add(b.finish(true));
                }
            }
        }
        if (b.count > 0) {
            out.add(b.finish(false));
        }
        if (newSequence && !out.isEmpty()) {
            out.get(0)[0] |= 0x08; // N
        }
        return out;
    }

    /** Largest n with leb128(n) + n <= avail. */
    private static int maxFit(int avail) {
        int n = avail - 1;
        while (n > 0 && Leb128.size(n) + n > avail) {
            n--;
        }
        return n;
    }

    /** OBUs of a low-overhead temporal unit, without size fields (has_size cleared), TD/tile list dropped. */
    static List<byte[]> splitObus(byte[] b, int off, int len) {
        List<byte[]> out = new ArrayList<>();
        int end = off + len;
        int p = off;
        while (p < end) {
            int h = b[p] & 0xFF;
            int type = (h >>> 3) & 0xF;
            int hdr = (h & 0x04) != 0 ? 2 : 1;
            if ((h & 0x80) != 0 || end - p < hdr) {
                throw new IllegalArgumentException("bad OBU header at " + (p - off));
            }
            int payloadStart = p + hdr;
            int payloadLen;
            if ((h & 0x02) != 0) {
                long r = Leb128.read(b, payloadStart, end);
                if (r < 0 || (r & 0xFFFFFFFFL) > end - payloadStart - (r >>> 32)) {
                    throw new IllegalArgumentException("bad OBU size at " + (p - off));
                }
                payloadStart += (int) (r >>> 32);
                payloadLen = (int) (r & 0xFFFFFFFFL);
            } else {
                payloadLen = end - payloadStart; // last OBU without size runs to the end
            }
            if (type != OBU_TEMPORAL_DELIMITER && type != OBU_TILE_LIST) {
                byte[] o = new byte[hdr + payloadLen];
                o[0] = (byte) (h & ~0x02);
                if (hdr == 2) {
                    o[1] = b[p + 1];
                }
                System.arraycopy(b, payloadStart, o, hdr, payloadLen);
                out.add(o);
            }
            p = payloadStart + payloadLen;
        }
        return out;
    }

    /** Collects the OBU elements of one packet. */
    private static final class Builder {
        private final int mtu;
        private final List<byte[]> src = new ArrayList<>();
        private final List<int[]> ranges = new ArrayList<>();
        private boolean firstIsContinuation;
        int size;  // bytes after the aggregation header, counting every length prefix
        int count;

        Builder(int mtu) {
            this.mtu = mtu;
        }

        void add(byte[] obu, int pos, int n, boolean continuation) {
            if (count == 0) {
                firstIsContinuation = continuation;
            }
            src.add(obu);
            ranges.add(new int[] {pos, n});
            size += Leb128.size(n) + n;
            count++;
        }

        byte[] finish(boolean lastContinues) {
            int w = count <= 3 ? count : 0;
            ByteArrayOutputStream out = new ByteArrayOutputStream(mtu);
            out.write((firstIsContinuation ? 0x80 : 0) | (lastContinues ? 0x40 : 0) | (w << 4));
            for (int i = 0; i < count; i++) {
                int[] r = ranges.get(i);
                if (!(w != 0 && i == count - 1)) {
                    Leb128.write(out, r[1]);
                }
                out.write(src.get(i), r[0], r[1]);
            }
            src.clear();
            ranges.clear();
            size = 0;
            count = 0;
            firstIsContinuation = false;
            return out.toByteArray();
        }
    }
}
