package org.jwebrtc.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An attribute without a codec in this module (TURN's, vendor ones), or a comprehension-optional
 * one whose value did not decode: type and value bytes (padding excluded), copied.
 */
public record RawAttribute(int type, byte[] value) implements StunAttribute {
    public RawAttribute {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("attribute type out of range: " + type);
        }
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("attribute value longer than 65535");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Length without copying. */
    public int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawAttribute r && type == r.type && Arrays.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RawAttribute[" + StunAttributeType.name(type) + ", " + HexFormat.of().formatHex(value) + "]";
    }
}
