package org.jwebrtc.peerconnection.internal;

import java.util.HashMap;
import java.util.Map;
import org.jwebrtc.rtp.codec.Packetizer;

/**
 * The sending side of one SSRC (RFC 3550 §5.1, §6.4.1): sequence numbers and the random timestamp origin, SR
 * counters, the W3C outbound-rtp counters, and a history of the last protected packets so a NACK (RFC 4585
 * §6.2.1) is answered by sending the same SRTP bytes again (re-protecting an index would reuse the key stream,
 * RFC 3711 §9.1, and the SRTP context refuses it). Not thread-safe: owned by the loop.
 */
final class OutboundRtpStream {
    static final int HISTORY = 1024;
    final MediaSection section;
    final long ssrc;
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

    OutboundRtpStream(MediaSection section, int firstSequence, long timestampOffset) {
        this.section = section;
        this.ssrc = section.localSsrc();
        this.sequence = firstSequence & 0xFFFF;
        this.timestampOffset = timestampOffset;
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
