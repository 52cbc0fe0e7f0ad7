package org.jwebrtc.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.jwebrtc.rtp.RtpException;

/** G.711 (RFC 3551 §4.5.14): payloads are raw samples; a frame is their concatenation. */
public final class G711Depacketizer implements Depacketizer {

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : payloads) {
            if (p.length == 0) {
                throw new RtpException("empty G.711 payload", 0);
            }
            out.writeBytes(p);
        }
        if (out.size() == 0) {
            throw new RtpException("no G.711 payloads", -1);
        }
        return out.toByteArray();
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
