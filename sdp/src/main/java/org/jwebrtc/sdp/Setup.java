package org.jwebrtc.sdp;

/** {@code a=setup} (RFC 4145 §4, RFC 8842 §5): which side initiates the DTLS handshake. */
public enum Setup implements Attribute {
    ACTIVE("active"), PASSIVE("passive"), ACTPASS("actpass"), HOLDCONN("holdconn");

    private final String token;
    private final java.util.Optional<Setup> self = java.util.Optional.of(this);   // shared, no per-lookup allocation

    Setup(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The constant written as {@code s}, if any. */
    public static java.util.Optional<Setup> fromToken(String s) {
        for (Setup v : values()) {
            if (v.token.equals(s)) {
                return v.self;
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String attributeName() {
        return "setup";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("setup:").append(token);
    }
}
