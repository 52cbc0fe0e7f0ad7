package org.jwebrtc.sdp;

/** Media direction attributes {@code a=sendrecv|sendonly|recvonly|inactive} (RFC 8866 §6.7). */
public enum Direction implements Attribute {
    SENDRECV("sendrecv"), SENDONLY("sendonly"), RECVONLY("recvonly"), INACTIVE("inactive");

    private final String token;
    private final java.util.Optional<Direction> self = java.util.Optional.of(this);   // shared, no per-lookup allocation

    Direction(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The constant written as {@code s}, if any. */
    public static java.util.Optional<Direction> fromToken(String s) {
        for (Direction d : values()) {
            if (d.token.equals(s)) {
                return d.self;
            }
        }
        return java.util.Optional.empty();
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    public static Direction of(boolean send, boolean receive) {
        return send ? (receive ? SENDRECV : SENDONLY) : (receive ? RECVONLY : INACTIVE);
    }

    /** The same stream seen from the other side: sendonly ⇄ recvonly. */
    public Direction reverse() {
        return of(receives(), sends());
    }

    /**
     * The answer direction (RFC 3264 §6.1): the answerer may send only if the offerer receives and
     * may receive only if the offerer sends; within that it uses its own preference.
     */
    public Direction answerTo(Direction offered) {
        return of(sends() && offered.receives(), receives() && offered.sends());
    }

    @Override
    public String attributeName() {
        return token;
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append(token);
    }
}
