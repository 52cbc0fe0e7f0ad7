package org.jwebrtc.rtp.codec;

import java.util.List;
import org.jwebrtc.rtp.RtpException;

/** Opus (RFC 7587 §4.2): one payload is one Opus packet. Every Opus packet is independently decodable. */
public final class OpusDepacketizer implements Depacketizer {

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpException {
        if (payloads.size() != 1) {
            throw new RtpException("an Opus frame is exactly one RTP payload, got " + payloads.size(), -1);
        }
        byte[] p = payloads.get(0);
        if (p.length == 0) {
            // RFC 6716 §3.4 [R1]: an Opus packet is at least one byte; RFC 7587 §4.2: one packet per payload.
            throw new RtpException("empty Opus payload", 0);
        }
        return p.clone();
    }

    @Override
    public boolean isKeyframe(byte[] payload, int off, int len) {
        return len > 0;
    }

    @Override
    public boolean isFrameStart(byte[] payload, int off, int len) {
        return len > 0;
    }
}
