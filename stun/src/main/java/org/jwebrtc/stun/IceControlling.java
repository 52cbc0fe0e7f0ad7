package org.jwebrtc.stun;

/** ICE-CONTROLLING (RFC 8445 §7.1.3): sender thinks it is controlling; 64-bit tie-breaker. */
public record IceControlling(long tieBreaker) implements StunAttribute {
    @Override
    public int type() {
        return StunAttributeType.ICE_CONTROLLING;
    }

    @Override
    public String toString() {
        return "IceControlling[" + Long.toHexString(tieBreaker) + "]";
    }
}
