package org.jwebrtc.stun;

/** PRIORITY (RFC 8445 §7.1.1): priority a peer-reflexive candidate would get; unsigned 32-bit. */
public record Priority(long priority) implements StunAttribute {
    public Priority {
        if (priority < 0 || priority > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("PRIORITY is unsigned 32-bit: " + priority);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.PRIORITY;
    }
}
