package org.jwebrtc.sdp;

/** Value-less ("property", RFC 8866 §5.13) attributes that WebRTC uses. */
public enum PropertyAttribute implements Attribute {
    /** RFC 5761 §5.1.1. */
    RTCP_MUX("rtcp-mux"),
    /** RFC 5506 §5. */
    RTCP_RSIZE("rtcp-rsize"),
    /** RFC 8839 §5.3. */
    ICE_LITE("ice-lite"),
    /** RFC 8285 §6. */
    EXTMAP_ALLOW_MIXED("extmap-allow-mixed"),
    /** RFC 8840 §8.2. */
    END_OF_CANDIDATES("end-of-candidates"),
    /** RFC 8843 §6. */
    BUNDLE_ONLY("bundle-only");

    private final String token;

    PropertyAttribute(String token) {
        this.token = token;
    }

    public String token() {
        return token;
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
