package org.jwebrtc.sdp;

/** {@code send} / {@code recv} in {@code a=rid} (RFC 8851 §10) and {@code a=simulcast} (RFC 8853 §5.1). */
public enum RidDirection {
    SEND("send"), RECV("recv");

    private final String token;

    RidDirection(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
