package org.jwebrtc.turn;

import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.TransactionId;

/** REQUESTED-ADDRESS-FAMILY (RFC 8656 §18.6): 0x01 IPv4, 0x02 IPv6, then 24 RFFU bits. */
public record RequestedAddressFamily(int family) implements TurnAttribute {
    public static final int IPV4 = 0x01;
    public static final int IPV6 = 0x02;

    public RequestedAddressFamily {
        if (family != IPV4 && family != IPV6) {
            throw new IllegalArgumentException("family must be 1 (IPv4) or 2 (IPv6): " + family);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.REQUESTED_ADDRESS_FAMILY;
    }

    @Override
    public RawAttribute toRaw(TransactionId id) {
        return new RawAttribute(type(), new byte[] {(byte) family, 0, 0, 0});
    }
}
