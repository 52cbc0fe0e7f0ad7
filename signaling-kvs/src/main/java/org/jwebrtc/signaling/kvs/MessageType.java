package org.jwebrtc.signaling.kvs;

/** The {@code action} of a sent frame and the {@code messageType} of a received one (PROTOCOL.md §4-5). */
public enum MessageType {
    SDP_OFFER,
    SDP_ANSWER,
    ICE_CANDIDATE,
    GO_AWAY,
    RECONNECT_ICE_SERVER,
    STATUS_RESPONSE,
    /** A type this client does not know; received frames of it are ignored, as the official SDKs do. */
    UNKNOWN;

    static MessageType of(String s) {
        for (MessageType t : values()) {
            if (t.name().equals(s)) {
                return t;
            }
        }
        return UNKNOWN;
    }

    /** Whether a client may send it. */
    public boolean sendable() {
        return this == SDP_OFFER || this == SDP_ANSWER || this == ICE_CANDIDATE;
    }
}
