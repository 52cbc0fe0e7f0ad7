package org.jwebrtc.stun;

import java.net.InetSocketAddress;
import java.util.Objects;

/** MAPPED-ADDRESS (RFC 8489 §14.1): the reflexive address, not obfuscated; kept for RFC 3489 peers. */
public record MappedAddress(InetSocketAddress address) implements StunAttribute {
    public MappedAddress {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + address);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.MAPPED_ADDRESS;
    }
}
