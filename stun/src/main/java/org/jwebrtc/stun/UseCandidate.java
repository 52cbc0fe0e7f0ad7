package org.jwebrtc.stun;

/** USE-CANDIDATE (RFC 8445 §7.1.2): the controlling agent nominates this pair; no value. */
public record UseCandidate() implements StunAttribute {
    @Override
    public int type() {
        return StunAttributeType.USE_CANDIDATE;
    }
}
