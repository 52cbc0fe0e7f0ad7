package org.jwebrtc.turn;

import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.TransactionId;

/** LIFETIME (RFC 8656 §18.2): seconds until the allocation expires, unsigned 32 bits; 0 deletes it. */
public record Lifetime(long seconds) implements TurnAttribute {
    public Lifetime {
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("lifetime must be an unsigned 32-bit value: " + seconds);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.LIFETIME;
    }

    @Override
    public RawAttribute toRaw(TransactionId id) {
        return new RawAttribute(type(), new byte[] {(byte) (seconds >>> 24), (byte) (seconds >>> 16),
                (byte) (seconds >>> 8), (byte) seconds});
    }
}
