package org.jwebrtc.peerconnection;

import java.util.Arrays;

/**
 * One encoded media frame as it leaves a receiver: an H.264 Annex-B access unit (4-byte start codes), a VP8
 * frame, an Opus packet or G.711 samples. {@code data} is owned by the receiver of the callback.
 *
 * @param mid          the transceiver's mid
 * @param codec        encoding name from the SDP ({@code "VP8"}, {@code "H264"}, {@code "opus"}, {@code "PCMU"})
 * @param payloadType  RTP payload type it arrived with
 * @param ssrc         the sender's SSRC
 * @param rtpTimestamp RTP timestamp (unsigned 32 bits) in the codec's clock
 * @param keyframe     decodable without earlier frames (always true for audio)
 */
public record EncodedFrame(String mid, String codec, int payloadType, long ssrc, long rtpTimestamp, boolean keyframe,
                           byte[] data) {
    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedFrame f && mid.equals(f.mid) && codec.equals(f.codec) && payloadType == f.payloadType
                && ssrc == f.ssrc && rtpTimestamp == f.rtpTimestamp && keyframe == f.keyframe
                && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(rtpTimestamp) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "EncodedFrame[" + mid + " " + codec + "/" + payloadType + " ts=" + rtpTimestamp
                + (keyframe ? " key" : "") + " " + data.length + " B]";
    }
}
