package org.jwebrtc.rtp;

/**
 * Malformed RTP, RTCP or payload bytes. Checked because bad network input is expected; created
 * without a stack trace so hostile input cannot buy a stack walk per packet (DESIGN §4).
 */
public final class RtpException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    /** @param offset offset into the parsed region where the problem was found (-1 if unknown) */
    public RtpException(String message, int offset) {
        super(message + (offset >= 0 ? " at offset " + offset : ""), null, false, false);
        this.offset = offset;
    }

    /** Offset relative to the start of the parsed region, or -1. */
    public int offset() {
        return offset;
    }
}
