package org.jwebrtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** REALM (RFC 8489 §14.9): the long-term credential realm, fewer than 128 characters. */
public record Realm(String value) implements StunAttribute {
    /** Largest UTF-8 encoding accepted (RFC 8489 §14.9). */
    public static final int MAX_BYTES = 763;

    public Realm {
        Objects.requireNonNull(value, "value");
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("Realm longer than " + MAX_BYTES + " bytes");
        }
    }

    @Override
    public int type() {
        return StunAttributeType.REALM;
    }
}
