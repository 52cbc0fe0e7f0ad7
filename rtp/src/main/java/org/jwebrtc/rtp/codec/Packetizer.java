package org.jwebrtc.rtp.codec;

import java.util.List;

/**
 * Splits one encoded media frame into RTP payloads of at most {@code mtu} bytes each (the payload
 * budget after RTP header, extensions and SRTP tag). The last payload of a frame carries the marker
 * bit for video (RFC 3551 §4.1 / each payload format). May keep per-stream state (e.g. VP8 PictureID):
 * one instance per stream, not thread-safe.
 */
public interface Packetizer {
    /**
     * @throws IllegalArgumentException if {@code mtu} is too small for this format or the frame cannot
     *     be carried (e.g. an H.264 NAL unit larger than the MTU in packetization-mode 0)
     */
    List<byte[]> packetize(byte[] frame, int off, int len, int mtu);

    default List<byte[]> packetize(byte[] frame, int mtu) {
        return packetize(frame, 0, frame.length, mtu);
    }
}
