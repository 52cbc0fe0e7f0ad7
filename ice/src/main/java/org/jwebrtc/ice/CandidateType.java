package org.jwebrtc.ice;

/** ICE candidate types (RFC 8445 §5.1.1) with the recommended type preferences of §5.1.2.2. */
public enum CandidateType {
    HOST("host", 126),
    PEER_REFLEXIVE("prflx", 110),
    SERVER_REFLEXIVE("srflx", 100),
    RELAYED("relay", 0);

    private final String sdpName;
    private final int typePreference;

    CandidateType(String sdpName, int typePreference) {
        this.sdpName = sdpName;
        this.typePreference = typePreference;
    }

    /** The {@code typ} token of an SDP {@code a=candidate} line (RFC 8839 §5.1). */
    public String sdpName() {
        return sdpName;
    }

    /** Recommended type preference (RFC 8445 §5.1.2.2): host 126, prflx 110, srflx 100, relay 0. */
    public int typePreference() {
        return typePreference;
    }

    /** Looks a type up by its SDP token; {@link IllegalArgumentException} if unknown. */
    public static CandidateType fromSdpName(String name) {
        for (CandidateType t : values()) {
            if (t.sdpName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown candidate type " + name);
    }
}
