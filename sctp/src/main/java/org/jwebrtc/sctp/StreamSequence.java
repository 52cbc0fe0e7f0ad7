package org.jwebrtc.sctp;

/** Stream/SSN pair of FORWARD TSN (RFC 3758 §3.2). */
public record StreamSequence(int streamId, int ssn) {
    public StreamSequence {
        if ((streamId >>> 16) != 0 || (ssn >>> 16) != 0) {
            throw new IllegalArgumentException("stream/ssn are 16-bit");
        }
    }
}
