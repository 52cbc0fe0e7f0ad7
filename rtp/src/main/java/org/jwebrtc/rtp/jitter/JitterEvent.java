package org.jwebrtc.rtp.jitter;

import java.util.List;
import org.jwebrtc.rtp.rtcp.GenericNack;
import org.jwebrtc.rtp.rtcp.PictureLossIndication;
import org.jwebrtc.rtp.rtcp.RtcpPacket;

/** Feedback a {@link JitterBuffer} asks its owner to send to the media sender. */
public sealed interface JitterEvent permits JitterEvent.Nack, JitterEvent.KeyframeRequest {

    /** The RTCP packet to send, from {@code senderSsrc} (the receiver's own SSRC). */
    RtcpPacket toRtcp(long senderSsrc);

    /** Request retransmission of these sequence numbers (RFC 4585 §6.2.1 Generic NACK). */
    record Nack(long mediaSsrc, List<Integer> sequenceNumbers) implements JitterEvent {
        public Nack {
            sequenceNumbers = List.copyOf(sequenceNumbers);
        }

        @Override
        public GenericNack toRtcp(long senderSsrc) {
            return GenericNack.of(senderSsrc, mediaSsrc, sequenceNumbers);
        }
    }

    /** Ask for a keyframe (RFC 4585 §6.3.1 PLI): start of stream, unrecoverable loss, or overflow. */
    record KeyframeRequest(long mediaSsrc) implements JitterEvent {
        @Override
        public PictureLossIndication toRtcp(long senderSsrc) {
            return new PictureLossIndication(senderSsrc, mediaSsrc);
        }
    }
}
