package org.jwebrtc.rtp.jitter;

/**
 * Counters of a {@link JitterBuffer} (snapshot).
 *
 * @param packetsReceived distinct packets accepted (duplicates excluded)
 * @param packetsLost expected minus received (RFC 3550 §A.3; retransmitted packets count as received)
 * @param packetsDuplicated copies of a packet already held or released
 * @param packetsReordered packets that arrived after a higher sequence number
 * @param packetsLate packets that arrived after their frame was released or given up
 * @param packetsMalformed datagrams that were not valid RTP, from another SSRC, or too large
 * @param packetsRecovered requested (NACKed) packets that then arrived
 * @param nacksSent NACK events emitted
 * @param nackedPackets sequence numbers requested (each retry counts)
 * @param nacksGivenUp missing packets abandoned (retries or age exhausted)
 * @param framesComplete frames released
 * @param framesDropped frames discarded (incomplete in time, undecodable without a keyframe, overflow)
 * @param keyframeRequests PLI events emitted
 * @param bufferResets times the buffer was cleared because a packet was too far ahead
 * @param jitter interarrival jitter in RTP timestamp units (RFC 3550 §A.8)
 * @param targetDelayNanos current adaptive playout delay
 */
public record JitterBufferStats(long packetsReceived, long packetsLost, long packetsDuplicated, long packetsReordered,
                                long packetsLate, long packetsMalformed, long packetsRecovered, long nacksSent,
                                long nackedPackets, long nacksGivenUp, long framesComplete, long framesDropped,
                                long keyframeRequests, long bufferResets, long jitter, long targetDelayNanos) {
}
