package org.jwebrtc.rtp.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * H.265/HEVC packetizer (RFC 7798) without DON (sprop-max-don-diff = 0): Single NAL unit packets
 * (§4.4.1), Aggregation Packets for consecutive small NAL units such as VPS+SPS+PPS (§4.4.2, type 48)
 * and Fragmentation Units for large ones (§4.4.3, type 49). Input frames are Annex B access units.
 * The 2-byte NAL unit header is F(1) Type(6) LayerId(6) TID(3). Stateless.
 */
public final class H265Packetizer implements Packetizer {
    static final int AP = 48;
    static final int FU = 49;

    @Override
    public List<byte[]> packetize(byte[] frame, int off, int len, int mtu) {
        long[] ranges = AnnexB.splitRanges(frame, off, len); // no NAL copies: payloads copy straight from the frame
        List<Nal> nals = new ArrayList<>(ranges.length);
        for (long r : ranges) {
            nals.add(new Nal(frame, (int) (r >>> 32), (int) r));
        }
        return packetize(nals, mtu);
    }

    /** A NAL unit as a slice of some array. */
    private record Nal(byte[] b, int off, int len) {
        int at(int i) {
            return b[off + i];
        }
    }

    /** Packetizes NAL units given without start codes; each must have its 2-byte header. */
    public List<byte[]> packetizeNals(List<byte[]> nals, int mtu) {
        List<Nal> list = new ArrayList<>(nals.size());
        for (byte[] n : nals) {
            list.add(new Nal(n, 0, n.length));
        }
        return packetize(list, mtu);
    }

    private List<byte[]> packetize(List<Nal> nals, int mtu) {
        if (mtu < 4) {
            throw new IllegalArgumentException("mtu " + mtu + " too small for H.265");
        }
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < nals.size()) {
            Nal nal = nals.get(i);
            if (nal.len() < 2) {
                throw new IllegalArgumentException("H.265 NAL unit " + i + " shorter than its header");
            }
            if (nal.len() > mtu) {
                fragment(nal, mtu, out);
                i++;
                continue;
            }
            int j = i;
            int size = 2;
            while (j < nals.size() && nals.get(j).len() >= 2 && size + 2 + nals.get(j).len() <= mtu
                    && nals.get(j).len() <= 0xFFFF) {
                size += 2 + nals.get(j).len();
                j++;
            }
            if (j - i >= 2) {
                out.add(aggregate(nals.subList(i, j), size));
                i = j;
            } else {
                out.add(Arrays.copyOfRange(nal.b(), nal.off(), nal.off() + nal.len()));
                i++;
            }
        }
        return out;
    }

    private static byte[] aggregate(List<Nal> group, int size) {
        byte[] p = new byte[size];
        int f = 0;
        int layerId = 63;
        int tid = 7;
        int q = 2;
        for (Nal n : group) {
            f |= n.at(0) & 0x80;
            layerId = Math.min(layerId, ((n.at(0) & 0x01) << 5) | ((n.at(1) & 0xFF) >>> 3)); // §4.4.2: lowest
            tid = Math.min(tid, n.at(1) & 0x07);
            p[q] = (byte) (n.len() >>> 8);
            p[q + 1] = (byte) n.len();
            System.arraycopy(n.b(), n.off(), p, q + 2, n.len());
            q += 2 + n.len();
        }
        p[0] = (byte) (f | (AP << 1) | (layerId >>> 5));
        p[1] = (byte) (((layerId & 0x1F) << 3) | tid);
        return p;
    }

    private static void fragment(Nal nal, int mtu, List<byte[]> out) {
        int type = (nal.at(0) >>> 1) & 0x3F;
        int max = mtu - 3;
        for (int pos = 2; pos < nal.len(); pos += max) {
            int n = Math.min(max, nal.len() - pos);
            byte[] p = new byte[3 + n];
            p[0] = (byte) ((nal.at(0) & 0x81) | (FU << 1)); // F and LayerId high bit kept (§4.4.3)
            p[1] = (byte) nal.at(1);
            p[2] = (byte) ((pos == 2 ? 0x80 : 0) | (pos + n == nal.len() ? 0x40 : 0) | type);
            System.arraycopy(nal.b(), nal.off() + pos, p, 3, n);
            out.add(p);
        }
    }
}
