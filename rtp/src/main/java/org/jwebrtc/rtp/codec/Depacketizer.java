package org.jwebrtc.rtp.codec;

import java.util.List;
import org.jwebrtc.rtp.RtpException;

/**
 * Rebuilds one media frame from the RTP payloads that carried it (in sequence-number order, frame
 * complete: a jitter buffer decides that). Stateless; the probes never throw and answer false for
 * malformed payloads.
 */
public interface Depacketizer {
    /** @throws RtpException on any malformed or inconsistent payload */
    byte[] depacketize(List<byte[]> payloads) throws RtpException;

    /** True if this payload belongs to a frame decodable without earlier frames (an IDR/key frame). */
    boolean isKeyframe(byte[] payload, int off, int len);

    /** True if this payload is the first one of a frame. */
    boolean isFrameStart(byte[] payload, int off, int len);

    default boolean isKeyframe(byte[] payload) {
        return isKeyframe(payload, 0, payload.length);
    }

    default boolean isFrameStart(byte[] payload) {
        return isFrameStart(payload, 0, payload.length);
    }
}
