package org.jwebrtc.srtp;

/**
 * Snapshot of one context's packet counters. Drops are expected network events (forgeries,
 * duplicates from the network, garbage) and are counted rather than thrown.
 */
public record SrtpStats(
        long rtpProtected, long rtpUnprotected, long rtpAuthFailed, long rtpReplayed, long rtpMalformed,
        long rtcpProtected, long rtcpUnprotected, long rtcpAuthFailed, long rtcpReplayed, long rtcpMalformed,
        int rtpStreams, int rtcpStreams) {
}
