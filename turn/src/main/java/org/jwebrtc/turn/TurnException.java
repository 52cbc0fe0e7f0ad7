package org.jwebrtc.turn;

/**
 * Malformed TURN input (a ChannelData frame, a TURN attribute, a stream that is neither STUN nor
 * ChannelData). Says what and where ({@link #offset()}); no stack trace, so hostile input does not
 * buy a stack walk per packet.
 */
public final class TurnException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public TurnException(String message, int offset) {
        super(message + " at offset " + offset, null, false, false);
        this.offset = offset;
    }

    /** Byte offset in the caller's buffer (or stream) where the problem was found; -1 if none. */
    public int offset() {
        return offset;
    }
}
