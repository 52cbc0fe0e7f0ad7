package org.jwebrtc.sctp;

/** Malformed SCTP or DCEP input: says what and where. Carries no stack trace (hostile input is cheap to reject). */
public final class SctpException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public SctpException(String message, int offset) {
        super(message + " at offset " + offset, null, false, false);
        this.offset = offset;
    }

    /** Offset in the input buffer where the problem was found. */
    public int offset() {
        return offset;
    }
}
