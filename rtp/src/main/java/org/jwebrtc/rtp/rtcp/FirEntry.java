package org.jwebrtc.rtp.rtcp;

/** One FIR FCI entry (RFC 5104 §4.3.1.1): target SSRC and 8-bit command sequence number. */
public record FirEntry(long ssrc, int sequenceNumber) {
    public FirEntry {
        RtcpHeader.checkU32("ssrc", ssrc);
        RtcpHeader.checkRange("FIR sequence number", sequenceNumber, 0, 255);
    }
}
