package org.jwebrtc.rtp.rtcp;

/**
 * One Generic NACK FCI entry (RFC 4585 §6.2.1): PID, the lost packet's sequence number, and BLP, a
 * bitmask of the following 16 packets (bit i set = PID+i+1 lost).
 */
public record NackPair(int packetId, int lostBitmask) {
    public NackPair {
        RtcpHeader.checkRange("PID", packetId, 0, 0xFFFF);
        RtcpHeader.checkRange("BLP", lostBitmask, 0, 0xFFFF);
    }
}
