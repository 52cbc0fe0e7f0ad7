package org.jwebrtc.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpException;

/**
 * H.265 depacketizer (RFC 7798 without DON): single NAL unit packets, APs (type 48) and FUs (type 49);
 * PACI (50) and reserved types are rejected. Output is an Annex B access unit.
 */
public final class H265Depacketizer implements Depacketizer {

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpException {
        return AnnexB.join(depacketizeNals(payloads));
    }

    public List<byte[]> depacketizeNals(List<byte[]> payloads) throws RtpException {
        List<byte[]> nals = new ArrayList<>();
        ByteArrayOutputStream fu = null;
        for (int k = 0; k < payloads.size(); k++) {
            byte[] p = payloads.get(k);
            if (p.length < 2) {
                throw new RtpException("H.265 payload " + k + " shorter than the payload header", 0);
            }
            int type = (p[0] >>> 1) & 0x3F;
            if (type < H265Packetizer.AP) {
                requireNoFragment(fu, k);
                nals.add(p.clone());
            } else if (type == H265Packetizer.AP) {
                requireNoFragment(fu, k);
                int q = 2;
                int count = 0;
                while (q < p.length) {
                    if (p.length - q < 2) {
                        throw new RtpException("AP NAL size truncated", q);
                    }
                    int n = ((p[q] & 0xFF) << 8) | (p[q + 1] & 0xFF);
                    q += 2;
                    if (n < 2 || n > p.length - q) {
                        throw new RtpException("AP NAL size " + n + " invalid, remaining " + (p.length - q), q - 2);
                    }
                    byte[] nal = new byte[n];
                    System.arraycopy(p, q, nal, 0, n);
                    nals.add(nal);
                    q += n;
                    count++;
                }
                if (count < 2) {
                    throw new RtpException("AP must aggregate at least two NAL units (RFC 7798 §4.4.2)", 0);
                }
            } else if (type == H265Packetizer.FU) {
                if (p.length < 4) {
                    throw new RtpException("FU without header or payload", 2);
                }
                boolean start = (p[2] & 0x80) != 0;
                boolean end = (p[2] & 0x40) != 0;
                if (start) {
                    requireNoFragment(fu, k);
                    if (end) {
                        throw new RtpException("FU with both S and E bits (RFC 7798 §4.4.3)", 2);
                    }
                    fu = new ByteArrayOutputStream(p.length * 4);
                    fu.write((p[0] & 0x81) | ((p[2] & 0x3F) << 1)); // rebuild the NAL header
                    fu.write(p[1]);
                } else if (fu == null) {
                    throw new RtpException("FU continuation in payload " + k + " without a start", 2);
                }
                fu.write(p, 3, p.length - 3);
                if (end) {
                    nals.add(fu.toByteArray());
                    fu = null;
                }
            } else {
                throw new RtpException("H.265 payload type " + type + " not supported", 0);
            }
        }
        if (fu != null) {
            throw new RtpException("frame ends inside a fragmented NAL unit", -1);
        }
        return nals;
    }

    private static void requireNoFragment(ByteArrayOutputStream fu, int k) throws RtpException {
        if (fu != null) {
            throw new RtpException("payload " + k + " interrupts a fragmented NAL unit", 0);
        }
    }

    private static boolean isIrap(int type) {
        return type >= 16 && type <= 23; // BLA, IDR, CRA (H.265 Table 7-1)
    }

    @Override
    public boolean isKeyframe(byte[] p, int off, int len) {
        if (len < 3) {
            return false;
        }
        int type = (p[off] >>> 1) & 0x3F;
        if (type == H265Packetizer.FU) {
            return isIrap(p[off + 2] & 0x3F);
        }
        if (type == H265Packetizer.AP) {
            int q = 2;
            while (len - q >= 4) {
                int n = ((p[off + q] & 0xFF) << 8) | (p[off + q + 1] & 0xFF);
                if (n < 2 || n > len - q - 2) {
                    return false;
                }
                if (isIrap((p[off + q + 2] >>> 1) & 0x3F)) {
                    return true;
                }
                q += 2 + n;
            }
            return false;
        }
        return isIrap(type);
    }

    /** VPS/SPS/PPS/AUD/prefix SEI, or a slice with first_slice_segment_in_pic_flag = 1. */
    @Override
    public boolean isFrameStart(byte[] p, int off, int len) {
        if (len < 3) {
            return false;
        }
        int type = (p[off] >>> 1) & 0x3F;
        if (type == H265Packetizer.AP) {
            return len >= 7 && startsAccessUnit((p[off + 4] >>> 1) & 0x3F, p[off + 6]);
        }
        if (type == H265Packetizer.FU) {
            return len >= 4 && (p[off + 2] & 0x80) != 0 && startsAccessUnit(p[off + 2] & 0x3F, p[off + 3]);
        }
        return startsAccessUnit(type, p[off + 2]);
    }

    private static boolean startsAccessUnit(int type, byte firstPayloadByte) {
        if (type >= 32 && type <= 35 || type == 39) {
            return true;
        }
        return type <= 31 && (firstPayloadByte & 0x80) != 0;
    }
}
