package org.jwebrtc.sctp;

/** One DATA fragment on the send side: pending (tsn = -1), outstanding, acked or abandoned. */
final class OutChunk {
    final OutMessage msg;
    final byte[] data;
    final int off;
    final int len;
    final int flags;
    long tsn = -1;          // unwrapped 64-bit TSN once assigned
    int sends;
    long sentAt;
    int missIndications;
    boolean acked;          // by cumulative or gap ack
    boolean abandoned;      // RFC 3758
    boolean retransmit;     // marked by T3-rtx expiry or fast retransmit
    boolean inFlight;       // counted in flightSize
    boolean released;       // removed from bufferedAmount

    OutChunk(OutMessage msg, byte[] data, int off, int len, int flags) {
        this.msg = msg;
        this.data = data;
        this.off = off;
        this.len = len;
        this.flags = flags;
    }
}
