package org.jwebrtc.stun;

import java.net.InetSocketAddress;
import java.util.Objects;

/** XOR-MAPPED-ADDRESS (RFC 8489 §14.2): the reflexive transport address, XOR-ed with the magic cookie (and transaction ID for IPv6) on the wire so NATs rewriting addresses in payloads leave it alone. */
public record XorMappedAddress(InetSocketAddress address) implements StunAttribute {
    public XorMappedAddress {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + address);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.XOR_MAPPED_ADDRESS;
    }
}
