package org.jwebrtc.turn;

/** Transport between a TURN client and its server (RFC 8656 §3.1). */
public enum TurnTransport {
    UDP(false), TCP(true), TLS(true);

    private final boolean stream;

    TurnTransport(boolean stream) {
        this.stream = stream;
    }

    /** Byte stream: STUN retransmission off (RFC 8489 §6.2.2), ChannelData padded (RFC 8656 §12.5). */
    public boolean isStream() {
        return stream;
    }
}
