package org.jwebrtc.sdp;

/** {@code tcptype} candidate extension (RFC 6544 §4.5). */
public enum TcpType {
    ACTIVE("active"), PASSIVE("passive"), SO("so");

    private final String token;
    private final java.util.Optional<TcpType> self = java.util.Optional.of(this);   // shared, no per-lookup allocation

    TcpType(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The constant written as {@code s}, if any. */
    public static java.util.Optional<TcpType> fromToken(String s) {
        for (TcpType t : values()) {
            if (t.token.equals(s)) {
                return t.self;
            }
        }
        return java.util.Optional.empty();
    }
}
