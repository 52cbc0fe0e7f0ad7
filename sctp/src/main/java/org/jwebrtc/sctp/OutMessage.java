package org.jwebrtc.sctp;

/** A user message accepted by send(), split into DATA fragments (RFC 9260 §6.9). */
final class OutMessage {
    final OutStream stream;
    final int ppid;
    final boolean ordered;
    final int maxRetransmits;   // -1 = unlimited
    final long expiresAt;       // Long.MAX_VALUE = never
    final OutChunk[] chunks;
    int ssn;
    boolean abandoned;

    OutMessage(OutStream stream, int ppid, boolean ordered, int maxRetransmits, long expiresAt, int fragments) {
        this.stream = stream;
        this.ppid = ppid;
        this.ordered = ordered;
        this.maxRetransmits = maxRetransmits;
        this.expiresAt = expiresAt;
        this.chunks = new OutChunk[fragments];
    }

    boolean reliable() {
        return maxRetransmits < 0 && expiresAt == Long.MAX_VALUE;
    }
}
