package org.jwebrtc.signaling.kvs;

/** A malformed or refused signaling frame or response. Checked: bad input from the network is expected. */
public class SignalingException extends Exception {
    private static final long serialVersionUID = 1L;

    public SignalingException(String message) {
        super(message, null, false, false);
    }

    public SignalingException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
