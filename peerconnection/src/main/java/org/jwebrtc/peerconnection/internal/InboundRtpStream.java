package org.jwebrtc.peerconnection.internal;

import org.jwebrtc.sdp.jsep.Codec;

/**
 * The receiving side of one remote SSRC: reception statistics (RFC 3550 A.1-A.8), a frame assembler per payload
 * type family and the W3C inbound-rtp counters. Not thread-safe: owned by the loop.
 */
final class InboundRtpStream {
    final MediaSection section;
    final long ssrc;
    final ReceptionStatistics reception;
    FrameAssembler assembler;
    Codec assemblerCodec;
    long bytesReceived;
    long headerBytesReceived;
    long framesReceived;
    long keyFramesReceived;
    long nackCount;
    long pliCount;
    long lastPliNanos;
    boolean pliSent;
    long lastPacketNanos;
    long lastNackedExt = -1;

    InboundRtpStream(MediaSection section, long ssrc, int clockRate) {
        this.section = section;
        this.ssrc = ssrc;
        this.reception = new ReceptionStatistics(ssrc, clockRate);
    }
}
