package org.jwebrtc.rtp.codec;

import java.util.ArrayList;
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
        return packetizeNals(AnnexB.split(frame, off, len), mtu);
    }

    /** Packetizes NAL units given without start codes; each must have its 2-byte header. */
    public List<byte[]> packetizeNals(List<byte[]> nals, int mtu) {
        if (mtu < 4) {
            throw new IllegalArgumentException("mtu " + mtu + " too small for H.265");
        }
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < nals.size()) {
            byte[] nal = nals.get(i);
            if (nal.length < 2) {
                throw new IllegalArgumentException("H.265 NAL unit " + i + " shorter than its header");
            }
            if (nal.length > mtu) {
                fragment(nal, mtu, out);
                i++;
                continue;
            }
            int j = i;
            int size = 2;
            while (j < nals.size() && nals.get(j).length >= 2 && size + 2 + nals.get(j).length <= mtu) {
                size += 2 + nals.get(j).length;
                j++;
            }
            if (j - i >= 2) {
                out.add(aggregate(nals.subList(i, j), size));
                i = j;
            } else {
                out.add(nal.clone());
                i++;
            }
        }
        return out;
    }

    private static byte[] aggregate(List<byte[]> group, int size) {
        byte[] p = new byte[size];
        int f = 0;
        int layerId = 63;
        int tid = 7;
        int q = 2;
        for (byte[] n : group) {
            f |= n[0] & 0x80;
            layerId = Math.min(layerId, ((n[0] & 0x01) << 5) | ((n[1] & 0xFF) >>> 3)); // §4.4.2: lowest
            tid = Math.min(tid, n[1] & 0x07);
            p[q] = (byte) (n.length >>> 8);
            p[q + 1] = (byte) n.length;
            System.arraycopy(n, 0, p, q + 2, n.length);
            q += 2 + n.length;
        }
        p[0] = (byte) (f | (AP << 1) | (layerId >>> 5));
        p[1] = (byte) (((layerId & 0x1F) << 3) | tid);
        return p;
    }

    private static void fragment(byte[] nal, int mtu, List<byte[]> out) {
        int type = (nal[0] >>> 1) & 0x3F;
        int max = mtu - 3;
        for (int pos = 2; pos < nal.length; pos += max) {
            int n = Math.min(max, nal.length - pos);
            byte[] p = new byte[3 + n];
            p[0] = (byte) ((nal[0] & 0x81) | (FU << 1)); // F and LayerId high bit kept (§4.4.3)
            p[1] = nal[1];
            p[2] = (byte) ((pos == 2 ? 0x80 : 0) | (pos + n == nal.length ? 0x40 : 0) | type);
            System.arraycopy(nal, pos, p, 3, n);
            out.add(p);
        }
    }
}
