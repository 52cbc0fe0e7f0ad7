package org.jwebrtc.dtls;

/**
 * Bad input to the dtls module (a malformed SDP fingerprint, for example). Says what and where;
 * created without a stack trace because hostile input must not buy a stack walk.
 */
public final class DtlsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public DtlsException(String message, int offset) {
        super(message + " at offset " + offset, null, false, false);
        this.offset = offset;
    }

    /** Offset into the input where the problem was found. */
    public int offset() {
        return offset;
    }
}
