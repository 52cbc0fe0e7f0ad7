package org.jwebrtc.rtp.codec;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** Packetizes NAL units given without start codes (e.g. from an MP4/AVCC sample). */
    public List<byte[]> packetizeNals(List<byte[]> nals, int mtu) {
        List<Nal> list = new ArrayList<>(nals.size());
        for (byte[] n : nals) {
            list.add(new Nal(n, 0, n.length));
        }
        return packetize(list, mtu);
    }

    private List<byte[]> packetize(List<Nal> nals, int mtu) {
        if (mtu < 1) {
            throw new IllegalArgumentException("mtu " + mtu);
        }
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < nals.size()) {
            Nal nal = nals.get(i);
            if (nal.len() == 0) {
                i++;
                continue;
            }
            if (nal.len() > mtu) {
                if (mode == 0) {
                    throw new IllegalArgumentException("NAL unit of " + nal.len()
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
                while (j < nals.size() && nals.get(j).len() > 0 && size + 2 + nals.get(j).len() <= mtu
                        && nals.get(j).len() <= 0xFFFF) {
                    size += 2 + nals.get(j).len();
                    j++;
                }
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
        int nri = 0;
        int q = 1;
        for (Nal n : group) {
            f |= n.at(0) & 0x80;                // F: set if any aggregated F bit is (§5.7)
            nri = Math.max(nri, n.at(0) & 0x60); // NRI: the maximum (§5.7)
            p[q] = (byte) (n.len() >>> 8);
            p[q + 1] = (byte) n.len();
            System.arraycopy(n.b(), n.off(), p, q + 2, n.len());
            q += 2 + n.len();
        }
        p[0] = (byte) (f | nri | STAP_A);
        return p;
    }

    private static void fragment(Nal nal, int mtu, List<byte[]> out) {
        if (mtu < 3) {
            throw new IllegalArgumentException("mtu " + mtu + " too small for FU-A");
        }
        int indicator = (nal.at(0) & 0xE0) | FU_A; // F and NRI of the NAL unit (§5.8)
        int type = nal.at(0) & 0x1F;
        int max = mtu - 2;
        for (int pos = 1; pos < nal.len(); pos += max) {
            int n = Math.min(max, nal.len() - pos);
            byte[] p = new byte[2 + n];
            p[0] = (byte) indicator;
            p[1] = (byte) ((pos == 1 ? 0x80 : 0) | (pos + n == nal.len() ? 0x40 : 0) | type);
            System.arraycopy(nal.b(), nal.off() + pos, p, 2, n);
            out.add(p);
        }
    }

    @Override
    public String toString() {
        return "H264Packetizer[mode=" + mode + "]";
    }
}
