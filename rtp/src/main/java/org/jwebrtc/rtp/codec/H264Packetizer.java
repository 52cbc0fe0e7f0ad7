package org.jwebrtc.rtp.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * H.264 packetizer (RFC 6184). Input frames are Annex B access units. packetization-mode 0 sends
 * each NAL unit as a Single NAL Unit packet (§5.6) and rejects NAL units larger than the MTU;
 * mode 1 (non-interleaved, §6.3) also aggregates consecutive small NAL units (e.g. SPS+PPS) into
 * STAP-A packets (§5.7.1) and fragments large ones into FU-A packets (§5.8). Stateless.
 */
public final class H264Packetizer implements Packetizer {
    static final int STAP_A = 24;
    static final int FU_A = 28;
    private final int mode;

    /** @param packetizationMode 0 (single NAL unit) or 1 (non-interleaved) */
    public H264Packetizer(int packetizationMode) {
        if (packetizationMode != 0 && packetizationMode != 1) {
            throw new IllegalArgumentException("packetization-mode " + packetizationMode + " not supported");
        }
        this.mode = packetizationMode;
    }

    public int packetizationMode() {
        return mode;
    }

    @Override
    public List<byte[]> packetize(byte[] frame, int off, int len, int mtu) {
        return packetizeNals(AnnexB.split(frame, off, len), mtu);
    }

    /** Packetizes NAL units given without start codes (e.g. from an MP4/AVCC sample). */
    public List<byte[]> packetizeNals(List<byte[]> nals, int mtu) {
        if (mtu < 1) {
            throw new IllegalArgumentException("mtu " + mtu);
        }
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < nals.size()) {
            byte[] nal = nals.get(i);
            if (nal.length == 0) {
                i++;
                continue;
            }
            if (nal.length > mtu) {
                if (mode == 0) {
                    throw new IllegalArgumentException("NAL unit of " + nal.length
                            + " bytes exceeds MTU " + mtu + " in packetization-mode 0");
                }
                fragment(nal, mtu, out);
                i++;
                continue;
            }
            // Mode 1: aggregate the following NAL units while the STAP-A fits (RFC 6184 §5.7.1).
            int j = i;
            int size = 1;
            if (mode == 1) {
                while (j < nals.size() && nals.get(j).length > 0 && size + 2 + nals.get(j).length <= mtu
                        && nals.get(j).length <= 0xFFFF) {
                    size += 2 + nals.get(j).length;
                    j++;
                }
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
        int nri = 0;
        int q = 1;
        for (byte[] n : group) {
            f |= n[0] & 0x80;            // F: OR of the aggregated F bits (§5.3)
            nri = Math.max(nri, n[0] & 0x60); // NRI: the maximum (§5.7)
            p[q] = (byte) (n.length >>> 8);
            p[q + 1] = (byte) n.length;
            System.arraycopy(n, 0, p, q + 2, n.length);
            q += 2 + n.length;
        }
        p[0] = (byte) (f | nri | STAP_A);
        return p;
    }

    private static void fragment(byte[] nal, int mtu, List<byte[]> out) {
        if (mtu < 3) {
            throw new IllegalArgumentException("mtu " + mtu + " too small for FU-A");
        }
        int indicator = (nal[0] & 0xE0) | FU_A; // F and NRI of the NAL unit (§5.8)
        int type = nal[0] & 0x1F;
        int max = mtu - 2;
        for (int pos = 1; pos < nal.length; pos += max) {
            int n = Math.min(max, nal.length - pos);
            byte[] p = new byte[2 + n];
            p[0] = (byte) indicator;
            p[1] = (byte) ((pos == 1 ? 0x80 : 0) | (pos + n == nal.length ? 0x40 : 0) | type);
            System.arraycopy(nal, pos, p, 2, n);
            out.add(p);
        }
    }

    @Override
    public String toString() {
        return "H264Packetizer[mode=" + mode + "]";
    }
}
