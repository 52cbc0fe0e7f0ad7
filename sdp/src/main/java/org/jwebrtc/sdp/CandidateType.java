package org.jwebrtc.sdp;

/** {@code cand-type} (RFC 8839 §5.1). */
public enum CandidateType {
    HOST("host"), SRFLX("srflx"), PRFLX("prflx"), RELAY("relay");

    private final String token;
    private final java.util.Optional<CandidateType> self = java.util.Optional.of(this);   // shared, no per-lookup allocation

    CandidateType(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The constant written as {@code s}, if any. */
    public static java.util.Optional<CandidateType> fromToken(String s) {
        for (CandidateType t : values()) {
            if (t.token.equals(s)) {
                return t.self;
            }
        }
        return java.util.Optional.empty();
    }
}
