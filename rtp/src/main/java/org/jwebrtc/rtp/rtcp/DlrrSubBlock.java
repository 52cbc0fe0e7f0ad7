package org.jwebrtc.rtp.rtcp;

/** One DLRR sub-block (RFC 3611 §4.5): SSRC, last RR (middle NTP bits), delay since last RR (1/65536 s). */
public record DlrrSubBlock(long ssrc, long lastRr, long delaySinceLastRr) {
    public DlrrSubBlock {
        RtcpHeader.checkU32("ssrc", ssrc);
        RtcpHeader.checkU32("LRR", lastRr);
        RtcpHeader.checkU32("DLRR", delaySinceLastRr);
    }
}
