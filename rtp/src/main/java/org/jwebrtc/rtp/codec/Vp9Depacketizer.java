package org.jwebrtc.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.jwebrtc.rtp.RtpException;

/**
 * VP9 depacketizer (RFC 9628): strips the payload descriptors of one frame (B on the first payload,
 * E on the last) and concatenates the VP9 data.
 */
public final class Vp9Depacketizer implements Depacketizer {

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpException {
        if (payloads.isEmpty()) {
            throw new RtpException("no VP9 payloads", -1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < payloads.size(); k++) {
            byte[] p = payloads.get(k);
            Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(p, 0, p.length);
            if (d.startOfFrame() != (k == 0)) {
                throw new RtpException("VP9 B bit " + d.startOfFrame() + " on payload " + k, 0);
            }
            if (d.endOfFrame() != (k == payloads.size() - 1)) {
                throw new RtpException("VP9 E bit " + d.endOfFrame() + " on payload " + k, 0);
            }
            out.write(p, d.length(), p.length - d.length());
        }
        if (out.size() == 0) {
            throw new RtpException("VP9 frame is empty", -1);
        }
        return out.toByteArray();
    }

    /** B=1, P=0 and spatial layer 0 (or no layer indices): a key picture. */
    @Override
    public boolean isKeyframe(byte[] p, int off, int len) {
        try {
            Vp9PayloadDescriptor d = Vp9PayloadDescriptor.parse(p, off, len);
            return d.startOfFrame() && !d.interPicturePredicted() && d.spatialId() <= 0;
        } catch (RtpException e) {
            return false;
        }
    }

    @Override
    public boolean isFrameStart(byte[] p, int off, int len) {
        try {
            return Vp9PayloadDescriptor.parse(p, off, len).startOfFrame();
        } catch (RtpException e) {
            return false;
        }
    }
}
