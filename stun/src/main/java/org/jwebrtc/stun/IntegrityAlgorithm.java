package org.jwebrtc.stun;

/** Which message-integrity attribute a message carries or should carry (RFC 8489 §14.5, §14.6). */
public enum IntegrityAlgorithm {
    /** MESSAGE-INTEGRITY, HMAC-SHA1, 20 bytes. */
    HMAC_SHA1(StunAttributeType.MESSAGE_INTEGRITY, 20),
    /** MESSAGE-INTEGRITY-SHA256, HMAC-SHA256, written untruncated (32 bytes). */
    HMAC_SHA256(StunAttributeType.MESSAGE_INTEGRITY_SHA256, 32);

    private final int attributeType;
    private final int length;

    IntegrityAlgorithm(int attributeType, int length) {
        this.attributeType = attributeType;
        this.length = length;
    }

    public int attributeType() {
        return attributeType;
    }

    /** Value length we write. */
    public int length() {
        return length;
    }
}
