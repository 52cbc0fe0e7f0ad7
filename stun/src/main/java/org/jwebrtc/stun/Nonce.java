package org.jwebrtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** NONCE (RFC 8489 §14.10): server-chosen, fewer than 128 characters; may start with the nonce cookie ({@link NonceCookie}). */
public record Nonce(String value) implements StunAttribute {
    /** Largest UTF-8 encoding accepted (RFC 8489 §14.10). */
    public static final int MAX_BYTES = 763;

    public Nonce {
        Objects.requireNonNull(value, "value");
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("Nonce longer than " + MAX_BYTES + " bytes");
        }
    }

    @Override
    public int type() {
        return StunAttributeType.NONCE;
    }
}
