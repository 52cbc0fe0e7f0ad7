package org.jwebrtc.sctp;

/** Gap Ack Block (RFC 9260 §3.3.4): TSN offsets relative to the Cumulative TSN Ack, both inclusive. */
public record GapAckBlock(int start, int end) {
    public GapAckBlock {
        if ((start >>> 16) != 0 || (end >>> 16) != 0) {
            throw new IllegalArgumentException("gap offsets are 16-bit");
        }
    }
}
