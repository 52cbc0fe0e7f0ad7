package org.jwebrtc.sctp;

/** Snapshot of association counters; drops are counted, never thrown. */
public record SctpStats(long packetsReceived, long packetsSent, long badChecksum, long malformed,
                        long badVerificationTag, long badCookieMac, long staleCookie, long dataChunksSent,
                        long retransmissions, long fastRetransmits, long t3Expiries, long duplicateTsnsReceived,
                        long forwardTsnsSent, long abandonedMessages, long messagesReceived) {
}
