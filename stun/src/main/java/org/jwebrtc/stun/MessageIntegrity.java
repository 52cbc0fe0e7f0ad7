package org.jwebrtc.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 over the message up to this attribute. Present in
 * parsed messages so callers see it was there; {@link StunMessage#encode} ignores it in the
 * attribute list and computes a fresh one from the key it is given. Verify with
 * {@link StunMessage#verifyIntegrity} or {@link StunView#verifyIntegrity}.
 */
public record MessageIntegrity(byte[] hmac) implements StunAttribute {
    public static final int LENGTH = 20;

    public MessageIntegrity {
        if (hmac.length != LENGTH) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY is 20 bytes, not " + hmac.length);
        }
        hmac = hmac.clone();
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int type() {
        return StunAttributeType.MESSAGE_INTEGRITY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegrity m && Arrays.equals(hmac, m.hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
