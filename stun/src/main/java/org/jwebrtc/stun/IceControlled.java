package org.jwebrtc.stun;

/** ICE-CONTROLLED (RFC 8445 §7.1.3): sender thinks it is controlled; 64-bit tie-breaker. */
public record IceControlled(long tieBreaker) implements StunAttribute {
    @Override
    public int type() {
        return StunAttributeType.ICE_CONTROLLED;
    }

    @Override
    public String toString() {
        return "IceControlled[" + Long.toHexString(tieBreaker) + "]";
    }
}
