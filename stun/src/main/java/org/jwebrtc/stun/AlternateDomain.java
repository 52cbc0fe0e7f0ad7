package org.jwebrtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** ALTERNATE-DOMAIN (RFC 8489 §14.16): the TLS domain name of the ALTERNATE-SERVER. */
public record AlternateDomain(String value) implements StunAttribute {
    /** Largest UTF-8 encoding accepted (RFC 8489 §14.16: at most 255 bytes). */
    public static final int MAX_BYTES = 255;

    public AlternateDomain {
        Objects.requireNonNull(value, "value");
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("AlternateDomain longer than " + MAX_BYTES + " bytes");
        }
    }

    @Override
    public int type() {
        return StunAttributeType.ALTERNATE_DOMAIN;
    }
}
