package org.jwebrtc.sctp;

/** Association states (RFC 9260 §4); CLOSED before any handshake means "listening". */
public enum SctpState {
    CLOSED, COOKIE_WAIT, COOKIE_ECHOED, ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_SENT, SHUTDOWN_RECEIVED,
    SHUTDOWN_ACK_SENT, TERMINATED
}
