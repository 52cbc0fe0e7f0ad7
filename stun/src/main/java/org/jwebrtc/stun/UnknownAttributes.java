package org.jwebrtc.stun;

import java.util.List;

/** UNKNOWN-ATTRIBUTES (RFC 8489 §14.13): the comprehension-required types a 420 refuses. */
public record UnknownAttributes(List<Integer> types) implements StunAttribute {
    public UnknownAttributes {
        types = List.copyOf(types);
        for (int t : types) {
            if (t < 0 || t > 0xFFFF) {
                throw new IllegalArgumentException("attribute type out of range: " + t);
            }
        }
        if (types.size() > 0x7FFF) {
            throw new IllegalArgumentException("too many types");
        }
    }

    @Override
    public int type() {
        return StunAttributeType.UNKNOWN_ATTRIBUTES;
    }
}
