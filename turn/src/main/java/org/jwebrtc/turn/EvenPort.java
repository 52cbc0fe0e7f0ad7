package org.jwebrtc.turn;

import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.TransactionId;

/**
 * EVEN-PORT (RFC 8656 §18.7): one byte, the R bit (reserve the next-higher port too) then 7 RFFU
 * bits. The server here honours the even port; it does not reserve ports, so R = 1 gets 508.
 */
public record EvenPort(boolean reserve) implements TurnAttribute {
    @Override
    public int type() {
        return StunAttributeType.EVEN_PORT;
    }

    @Override
    public RawAttribute toRaw(TransactionId id) {
        return new RawAttribute(type(), new byte[] {(byte) (reserve ? 0x80 : 0)});
    }
}
