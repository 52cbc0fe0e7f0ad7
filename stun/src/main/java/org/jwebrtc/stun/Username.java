package org.jwebrtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** USERNAME (RFC 8489 §14.3): UTF-8, OpaqueString-processed; for ICE "remoteUfrag:localUfrag" (RFC 8445 §7.2.2). */
public record Username(String value) implements StunAttribute {
    /** Largest UTF-8 encoding accepted (RFC 8489 §14.3: parse up to 763 bytes for RFC 5389 compatibility). */
    public static final int MAX_BYTES = 763;

    public Username {
        Objects.requireNonNull(value, "value");
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("Username longer than " + MAX_BYTES + " bytes");
        }
    }

    @Override
    public int type() {
        return StunAttributeType.USERNAME;
    }
}
