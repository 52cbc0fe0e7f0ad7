package org.jwebrtc.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6): HMAC-SHA256, possibly truncated to 16..32 bytes in
 * steps of 4. Like {@link MessageIntegrity}, encode computes it instead of copying it.
 */
public record MessageIntegritySha256(byte[] hmac) implements StunAttribute {
    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 32;

    public MessageIntegritySha256 {
        if (!validLength(hmac.length)) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY-SHA256 length " + hmac.length);
        }
        hmac = hmac.clone();
    }

    /** RFC 8489 §14.6: at least 16, at most 32, a multiple of 4. */
    public static boolean validLength(int len) {
        return len >= MIN_LENGTH && len <= MAX_LENGTH && (len & 3) == 0;
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int type() {
        return StunAttributeType.MESSAGE_INTEGRITY_SHA256;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegritySha256 m && Arrays.equals(hmac, m.hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegritySha256[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
