package org.jwebrtc.stun;

import java.net.InetSocketAddress;
import java.util.Objects;

/** ALTERNATE-SERVER (RFC 8489 §14.15): where a 300 (Try Alternate) sends the client; MAPPED-ADDRESS encoding. */
public record AlternateServer(InetSocketAddress address) implements StunAttribute {
    public AlternateServer {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + address);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.ALTERNATE_SERVER;
    }
}
