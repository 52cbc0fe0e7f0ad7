package org.jwebrtc.sdp;

/** {@code tcptype} candidate extension (RFC 6544 §4.5). */
public enum TcpType {
    ACTIVE("active"), PASSIVE("passive"), SO("so");

    private final String token;

    TcpType(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static TcpType fromToken(String s) {
        for (TcpType t : values()) {
            if (t.token.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
