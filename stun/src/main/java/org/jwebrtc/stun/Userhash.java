package org.jwebrtc.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * USERHASH (RFC 8489 §14.4): SHA-256(OpaqueString(username) ":" OpaqueString(realm)), sent
 * instead of USERNAME when the server offers username anonymity. See
 * {@link LongTermCredential#userhash}.
 */
public record Userhash(byte[] hash) implements StunAttribute {
    public static final int LENGTH = 32;

    public Userhash {
        if (hash.length != LENGTH) {
            throw new IllegalArgumentException("USERHASH is 32 bytes, not " + hash.length);
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public int type() {
        return StunAttributeType.USERHASH;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Userhash u && Arrays.equals(hash, u.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "Userhash[" + HexFormat.of().formatHex(hash) + "]";
    }
}
