package org.jwebrtc.sctp;

/**
 * Snapshot of association counters; drops are counted, never thrown. The last fields are gauges of the send side
 * at snapshot time (RFC 9260 §6.1/§7.2 variables), for diagnosing throughput: {@code cwnd}, {@code ssthresh},
 * {@code flightSize}, the peer's window {@code peerRwnd} as we track it, the smoothed RTT ({@code -1} before the
 * first sample) and how often the Max.Burst limit stopped new data while cwnd still had room.
 */
public record SctpStats(long packetsReceived, long packetsSent, long badChecksum, long malformed,
                        long badVerificationTag, long badCookieMac, long staleCookie, long dataChunksSent,
                        long retransmissions, long fastRetransmits, long t3Expiries, long duplicateTsnsReceived,
                        long forwardTsnsSent, long abandonedMessages, long messagesReceived, long cwnd, long ssthresh,
                        long flightSize, long peerRwnd, long srttNanos, long burstLimited) {
}
