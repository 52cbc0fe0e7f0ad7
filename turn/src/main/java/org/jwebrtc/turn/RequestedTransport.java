package org.jwebrtc.turn;

import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.TransactionId;

/** REQUESTED-TRANSPORT (RFC 8656 §18.7): IANA protocol number of the relay transport, then 24 RFFU bits. */
public record RequestedTransport(int protocol) implements TurnAttribute {
    /** RFC 8656 §7.1: UDP is the relay transport this specification defines. */
    public static final int UDP = 17;
    /** RFC 6062 §6.1: TCP relaying. */
    public static final int TCP = 6;

    public RequestedTransport {
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("protocol must be 0..255: " + protocol);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.REQUESTED_TRANSPORT;
    }

    @Override
    public RawAttribute toRaw(TransactionId id) {
        return new RawAttribute(type(), new byte[] {(byte) protocol, 0, 0, 0});
    }
}
