package org.jwebrtc.sdp;

/**
 * Malformed SDP text. Says where ({@link #line()}, {@link #column()}, both 1-based) and what was
 * expected there. Built without a stack trace: hostile input must not buy a stack walk.
 */
public final class SdpException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String expected;

    public SdpException(int line, int column, String expected) {
        super("line " + line + ", column " + column + ": expected " + expected, null, false, false);
        this.line = line;
        this.column = column;
        this.expected = expected;
    }

    /** 1-based line number of the offending line. */
    public int line() {
        return line;
    }

    /** 1-based column (character index within the line) where parsing stopped. */
    public int column() {
        return column;
    }

    /** What the parser expected at that position, e.g. {@code "payload type (0-127)"}. */
    public String expected() {
        return expected;
    }
}
