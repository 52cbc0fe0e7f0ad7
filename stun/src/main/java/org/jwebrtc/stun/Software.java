package org.jwebrtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** SOFTWARE (RFC 8489 §14.14): agent name and version, fewer than 128 characters. */
public record Software(String value) implements StunAttribute {
    /** Largest UTF-8 encoding accepted (RFC 8489 §14.14). */
    public static final int MAX_BYTES = 763;

    public Software {
        Objects.requireNonNull(value, "value");
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("Software longer than " + MAX_BYTES + " bytes");
        }
    }

    @Override
    public int type() {
        return StunAttributeType.SOFTWARE;
    }
}
