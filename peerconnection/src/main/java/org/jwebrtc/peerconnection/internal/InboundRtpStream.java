package org.jwebrtc.peerconnection.internal;

import org.jwebrtc.rtp.jitter.NackGenerator;
import org.jwebrtc.rtp.rtx.RtxDecoder;
import org.jwebrtc.sdp.jsep.Codec;

/**
 * The receiving side of one remote SSRC: reception statistics (RFC 3550 A.1-A.8), a frame assembler per payload
 * type family, the loss detector that drives Generic NACKs (RFC 4585 §6.2.1: first after a short reordering
 * grace, then every max(20 ms, RTT), at most 10 times, never for a packet older than the assembler waits), the
 * RTX decoder for its repair stream (RFC 4588 §4) and the W3C inbound-rtp counters. Not thread-safe: owned by the
 * loop.
 */
final class InboundRtpStream {
    static final int NACK_MAX_ENTRIES = 500;
    static final long NACK_REORDER_NANOS = 5_000_000L;
    static final long NACK_MIN_INTERVAL_NANOS = 20_000_000L;
    static final int NACK_MAX_RETRIES = 10;
    static final long NACK_DEFAULT_RTT_NANOS = 50_000_000L;   // until an SR/RR round trip is measured
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
    long lastNackNanos;
    boolean nackSent;
    long retransmittedPacketsReceived;
    long retransmittedBytesReceived;
    long rtxPaddingReceived;
    final NackGenerator nack;
    RtxDecoder rtx;   // built when the first RTX packet for this stream arrives

    InboundRtpStream(MediaSection section, long ssrc, int clockRate) {
        this.section = section;
        this.ssrc = ssrc;
        this.reception = new ReceptionStatistics(ssrc, clockRate);
        this.nack = new NackGenerator(NACK_MAX_ENTRIES, NACK_REORDER_NANOS, NACK_MIN_INTERVAL_NANOS, NACK_MAX_RETRIES,
                MediaSession.HOLE_WAIT_NANOS);
        this.nack.setRttNanos(NACK_DEFAULT_RTT_NANOS);
    }
}
