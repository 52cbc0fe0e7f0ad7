package org.jwebrtc.stun;

/**
 * Malformed STUN input. Says what and where ({@link #offset()}, relative to the start of the
 * buffer passed in). No stack trace: hostile input must not buy a stack walk per packet.
 */
public final class StunException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public StunException(String message, int offset) {
        super(message + " at offset " + offset, null, false, false);
        this.offset = offset;
    }

    /** Byte offset in the caller's buffer where the problem was found. */
    public int offset() {
        return offset;
    }
}
