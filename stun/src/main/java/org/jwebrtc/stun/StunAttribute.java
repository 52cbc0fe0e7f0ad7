package org.jwebrtc.stun;

/**
 * One decoded STUN attribute (RFC 8489 §14). Attributes without a codec here (TURN's, vendor
 * ones such as Chrome's 0x802F) survive as {@link RawAttribute}.
 */
public sealed interface StunAttribute permits MappedAddress, XorMappedAddress, AlternateServer,
        Username, Userhash, MessageIntegrity, MessageIntegritySha256, Fingerprint, ErrorCode,
        UnknownAttributes, Realm, Nonce, Software, AlternateDomain, PasswordAlgorithm,
        PasswordAlgorithms, Priority, UseCandidate, IceControlled, IceControlling, RawAttribute {

    /** The 16-bit attribute type ({@link StunAttributeType}). */
    int type();
}
