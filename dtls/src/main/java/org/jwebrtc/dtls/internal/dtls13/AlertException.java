package org.jwebrtc.dtls.internal.dtls13;

/** A fatal handshake error to report with {@code alert} (RFC 8446 §6.2). Stackless. */
final class AlertException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int alert;

    AlertException(int alert, String message) {
        super(message, null, false, false);
        this.alert = alert;
    }

    int alert() {
        return alert;
    }
}
