package org.jwebrtc.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpException;

/**
 * H.264 depacketizer (RFC 6184 packetization-modes 0 and 1): Single NAL Unit, STAP-A and FU-A
 * packets. Interleaved-mode types (STAP-B, MTAP16/24, FU-B) are rejected. Output is an Annex B access
 * unit with 4-byte start codes; {@link #depacketizeNals} gives the bare NAL units.
 */
public final class H264Depacketizer implements Depacketizer {
    private static final int IDR = 5;

    /** Annex B output, built in two passes (validate and size, then copy) into one exact array. */
    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpException {
        byte[] out = new byte[walk(payloads, null)];
        walk(payloads, out);
        return out;
    }

    /** Writes the Annex B access unit into {@code out}, or only measures it when {@code out} is null. */
    private static int walk(List<byte[]> payloads, byte[] out) throws RtpException {
        int w = 0;
        boolean inFu = false;
        for (int k = 0; k < payloads.size(); k++) {
            byte[] p = payloads.get(k);
            if (p.length < 1) {
                throw new RtpException("empty H.264 payload " + k, 0);
            }
            int type = p[0] & 0x1F;
            if (type >= 1 && type <= 23) {
                requireNoFragment(inFu, k);
                w = startCode(out, w);
                w = copy(p, 0, p.length, out, w);
            } else if (type == H264Packetizer.STAP_A) {
                requireNoFragment(inFu, k);
                if (p.length < 3) {
                    throw new RtpException("STAP-A without NAL units", 0);
                }
                int q = 1;
                while (q < p.length) {
                    if (p.length - q < 2) {
                        throw new RtpException("STAP-A NAL size truncated", q);
                    }
                    int n = ((p[q] & 0xFF) << 8) | (p[q + 1] & 0xFF);
                    q += 2;
                    if (n == 0 || n > p.length - q) {
                        throw new RtpException("STAP-A NAL size " + n + " invalid, remaining " + (p.length - q), q - 2);
                    }
                    w = startCode(out, w);
                    w = copy(p, q, n, out, w);
                    q += n;
                }
            } else if (type == H264Packetizer.FU_A) {
                if (p.length < 2) {
                    throw new RtpException("FU-A without FU header", 1);
                }
                boolean start = (p[1] & 0x80) != 0;
                boolean end = (p[1] & 0x40) != 0;
                if (start) {
                    requireNoFragment(inFu, k);
                    if (end) {
                        throw new RtpException("FU-A with both S and E bits (RFC 6184 §5.8)", 1);
                    }
                    w = startCode(out, w);
                    if (out != null) {
                        out[w] = (byte) ((p[0] & 0xE0) | (p[1] & 0x1F)); // reconstruct the NAL header (§5.8)
                    }
                    w++;
                    inFu = true;
                } else if (!inFu) {
                    throw new RtpException("FU-A continuation in payload " + k + " without a start", 1);
                }
                w = copy(p, 2, p.length - 2, out, w);
                if (end) {
                    inFu = false;
                }
            } else {
                throw new RtpException("H.264 NAL/packet type " + type + " not supported in modes 0/1", 0);
            }
        }
        if (inFu) {
            throw new RtpException("frame ends inside an FU-A fragmented NAL unit", -1);
        }
        return w;
    }

    private static int startCode(byte[] out, int w) {
        if (out != null) {
            out[w] = 0;
            out[w + 1] = 0;
            out[w + 2] = 0;
            out[w + 3] = 1;
        }
        return w + 4;
    }

    private static int copy(byte[] src, int off, int n, byte[] out, int w) {
        if (out != null) {
            System.arraycopy(src, off, out, w, n);
        }
        return w + n;
    }

    private static void requireNoFragment(boolean inFu, int k) throws RtpException {
        if (inFu) {
            throw new RtpException("payload " + k + " interrupts an FU-A fragmented NAL unit", 0);
        }
    }

    public List<byte[]> depacketizeNals(List<byte[]> payloads) throws RtpException {
        List<byte[]> nals = new ArrayList<>();
        ByteArrayOutputStream fu = null;
        for (int k = 0; k < payloads.size(); k++) {
            byte[] p = payloads.get(k);
            if (p.length < 1) {
                throw new RtpException("empty H.264 payload " + k, 0);
            }
            int type = p[0] & 0x1F;
            if (type >= 1 && type <= 23) {
                requireNoFragment(fu, k);
                nals.add(p.clone());
            } else if (type == H264Packetizer.STAP_A) {
                requireNoFragment(fu, k);
                int q = 1;
                if (p.length < 3) {
                    throw new RtpException("STAP-A without NAL units", 0);
                }
                while (q < p.length) {
                    if (p.length - q < 2) {
                        throw new RtpException("STAP-A NAL size truncated", q);
                    }
                    int n = ((p[q] & 0xFF) << 8) | (p[q + 1] & 0xFF);
                    q += 2;
                    if (n == 0 || n > p.length - q) {
                        throw new RtpException("STAP-A NAL size " + n + " invalid, remaining " + (p.length - q), q - 2);
                    }
                    byte[] nal = new byte[n];
                    System.arraycopy(p, q, nal, 0, n);
                    nals.add(nal);
                    q += n;
                }
            } else if (type == H264Packetizer.FU_A) {
                if (p.length < 2) {
                    throw new RtpException("FU-A without FU header", 1);
                }
                boolean start = (p[1] & 0x80) != 0;
                boolean end = (p[1] & 0x40) != 0;
                if (start) {
                    requireNoFragment(fu, k);
                    if (end) {
                        throw new RtpException("FU-A with both S and E bits (RFC 6184 §5.8)", 1);
                    }
                    fu = new ByteArrayOutputStream(p.length * 4);
                    fu.write((p[0] & 0xE0) | (p[1] & 0x1F)); // reconstruct the NAL header (§5.8)
                } else if (fu == null) {
                    throw new RtpException("FU-A continuation in payload " + k + " without a start", 1);
                }
                fu.write(p, 2, p.length - 2);
                if (end) {
                    nals.add(fu.toByteArray());
                    fu = null;
                }
            } else {
                throw new RtpException("H.264 NAL/packet type " + type + " not supported in modes 0/1", 0);
            }
        }
        if (fu != null) {
            throw new RtpException("frame ends inside an FU-A fragmented NAL unit", -1);
        }
        return nals;
    }

    private static void requireNoFragment(ByteArrayOutputStream fu, int k) throws RtpException {
        if (fu != null) {
            throw new RtpException("payload " + k + " interrupts an FU-A fragmented NAL unit", 0);
        }
    }

    /** True if the payload carries (the start of) an IDR slice (nal_unit_type 5). */
    @Override
    public boolean isKeyframe(byte[] p, int off, int len) {
        if (len < 1) {
            return false;
        }
        int type = p[off] & 0x1F;
        if (type == IDR) {
            return true;
        }
        if (type == H264Packetizer.FU_A) {
            return len >= 2 && (p[off + 1] & 0x1F) == IDR;
        }
        if (type == H264Packetizer.STAP_A) {
            int q = 1;
            while (len - q >= 3) {
                int n = ((p[off + q] & 0xFF) << 8) | (p[off + q + 1] & 0xFF);
                if (n == 0 || n > len - q - 2) {
                    return false;
                }
                if ((p[off + q + 2] & 0x1F) == IDR) {
                    return true;
                }
                q += 2 + n;
            }
        }
        return false;
    }

    /**
     * True if the payload starts an access unit: it begins with an AUD, SEI, SPS or PPS, or with a
     * slice whose first_mb_in_slice is 0 (its ue(v) code is the single bit 1; H.264 §7.4.1.2.3).
     */
    @Override
    public boolean isFrameStart(byte[] p, int off, int len) {
        if (len < 1) {
            return false;
        }
        int type = p[off] & 0x1F;
        if (type == H264Packetizer.STAP_A) {
            return len >= 4 && startsAccessUnit(p, off + 3, len - 3);
        }
        if (type == H264Packetizer.FU_A) {
            if (len < 3 || (p[off + 1] & 0x80) == 0) {
                return false;
            }
            int inner = p[off + 1] & 0x1F;
            return inner >= 6 && inner <= 9 || (inner == 1 || inner == IDR) && (p[off + 2] & 0x80) != 0;
        }
        return startsAccessUnit(p, off, len);
    }

    private static boolean startsAccessUnit(byte[] p, int off, int len) {
        int type = p[off] & 0x1F;
        if (type >= 6 && type <= 9) {
            return true;
        }
        return (type == 1 || type == IDR) && len >= 2 && (p[off + 1] & 0x80) != 0;
    }
}
