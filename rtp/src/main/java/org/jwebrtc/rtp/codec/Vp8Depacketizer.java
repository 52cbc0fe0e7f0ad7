package org.jwebrtc.rtp.codec;

import java.util.List;
import org.jwebrtc.rtp.RtpException;

/**
 * VP8 depacketizer (RFC 7741 §4): strips each payload descriptor and concatenates the VP8 data. The
 * first payload must start partition 0 (S=1, PID=0).
 */
public final class Vp8Depacketizer implements Depacketizer {

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpException {
        if (payloads.isEmpty()) {
            throw new RtpException("no VP8 payloads", -1);
        }
        int total = 0; // pass 1: validate every descriptor and size the frame
        for (int k = 0; k < payloads.size(); k++) {
            byte[] p = payloads.get(k);
            Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(p, 0, p.length);
            if (k == 0 && !(d.startOfPartition() && d.partitionIndex() == 0)) {
                throw new RtpException("first VP8 payload does not start partition 0", 0);
            }
            total += p.length - d.length();
        }
        if (total == 0) {
            throw new RtpException("VP8 frame is empty", -1);
        }
        byte[] out = new byte[total];
        int w = 0;
        for (byte[] p : payloads) {
            int dl = Vp8PayloadDescriptor.parse(p, 0, p.length).length();
            System.arraycopy(p, dl, out, w, p.length - dl);
            w += p.length - dl;
        }
        return out;
    }

    @Override
    public boolean isFrameStart(byte[] p, int off, int len) {
        try {
            Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(p, off, len);
            return d.startOfPartition() && d.partitionIndex() == 0;
        } catch (RtpException e) {
            return false;
        }
    }

    /**
     * RFC 7741 §4.3: in the first packet of a frame, the P bit (bit 0 of the first VP8 payload header
     * octet) is 0 for a key frame.
     */
    @Override
    public boolean isKeyframe(byte[] p, int off, int len) {
        try {
            Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(p, off, len);
            return d.startOfPartition() && d.partitionIndex() == 0 && len > d.length()
                    && (p[off + d.length()] & 0x01) == 0;
        } catch (RtpException e) {
            return false;
        }
    }
}
