package org.jwebrtc.peerconnection.internal;

import java.util.HashMap;
import java.util.Map;
import org.jwebrtc.rtp.codec.Packetizer;
import org.jwebrtc.rtp.rtx.RtpPacketHistory;
import org.jwebrtc.rtp.rtx.RtxEncoder;

/**
 * The sending side of one SSRC (RFC 3550 §5.1, §6.4.1): sequence numbers and the random timestamp origin, SR
 * counters, the W3C outbound-rtp counters, and the retransmission history a NACK (RFC 4585 §6.2.1) is answered
 * from. With RTX negotiated the plain RTP packets are kept ({@link RtpPacketHistory}) and resent as RTX packets on
 * their own SSRC and sequence (RFC 4588 §4, {@link RtxEncoder}): a fresh SRTP index, so no key stream is reused.
 * Without RTX the protected bytes are kept and sent again as they were (re-protecting an index would reuse the key
 * stream, RFC 3711 §9.1, and the SRTP context refuses it). Not thread-safe: owned by the loop.
 */
final class OutboundRtpStream {
    static final int HISTORY = 1024;
    static final int RTX_HISTORY = 512;             // ~2 s of 2 Mbit/s video
    static final int RTX_MAX_PACKET = 1300;         // MAX_PAYLOAD + RTP header and extensions
    static final long RTX_MAX_AGE_NANOS = 1_000_000_000L;
    final MediaSection section;
    final long ssrc;
    final RtpPacketHistory rtxHistory;   // null without RTX
    final RtxEncoder rtx;                // null without RTX
    final long timestampOffset;
    int sequence;
    final Map<String, Packetizer> packetizers = new HashMap<>();
    final byte[][] history = new byte[HISTORY][];
    final int[] historySeq = new int[HISTORY];
    long packetsSent;
    long bytesSent;
    long headerBytesSent;
    long framesSent;
    long nackCount;
    long pliCount;
    long firCount;
    long retransmittedPacketsSent;
    long retransmittedBytesSent;
    long lastRtpTimestamp;
    long lastSendNanos;
    int lastClockRate = 90_000;
    boolean sentAny;
    // from the peer's report blocks (remote-inbound-rtp)
    double roundTripTime = -1;
    double totalRoundTripTime;
    long roundTripTimeMeasurements;
    int fractionLost;
    long packetsLost;
    long remoteJitter;

    OutboundRtpStream(MediaSection section, int firstSequence, long timestampOffset, int firstRtxSequence) {
        this.section = section;
        this.ssrc = section.localSsrc();
        this.sequence = firstSequence & 0xFFFF;
        this.timestampOffset = timestampOffset;
        if (section.rtx()) {
            rtxHistory = new RtpPacketHistory(RTX_HISTORY, RTX_MAX_PACKET, RTX_MAX_AGE_NANOS);
            rtx = new RtxEncoder(section.localRtxSsrc(), MediaCodecs.rtxPayloadTypes(section.codecs()),
                    firstRtxSequence);
        } else {
            rtxHistory = null;
            rtx = null;
        }
    }

    int nextSequence() {
        int s = sequence;
        sequence = (sequence + 1) & 0xFFFF;
        return s;
    }

    void remember(int seq, byte[] srtp) {
        int slot = seq & (HISTORY - 1);
        history[slot] = srtp;
        historySeq[slot] = seq;
    }

    byte[] recall(int seq) {
        int slot = seq & (HISTORY - 1);
        return history[slot] != null && historySeq[slot] == seq ? history[slot] : null;
    }

    /** RFC 3550 §6.4.1: the RTP timestamp matching the SR's NTP time, extrapolated from the last frame. */
    long rtpTimestampAt(long nowNanos) {
        if (!sentAny) {
            return timestampOffset & 0xFFFF_FFFFL;
        }
        long elapsed = (nowNanos - lastSendNanos) * lastClockRate / 1_000_000_000L;
        return (lastRtpTimestamp + elapsed) & 0xFFFF_FFFFL;
    }
}
