package org.jwebrtc.turn;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.turn.internal.XorAddress;

/** XOR-RELAYED-ADDRESS (RFC 8656 §18.5): the relayed transport address the server allocated. */
public record XorRelayedAddress(InetSocketAddress address) implements TurnAttribute {
    public XorRelayedAddress {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + address);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.XOR_RELAYED_ADDRESS;
    }

    @Override
    public RawAttribute toRaw(TransactionId id) {
        return new RawAttribute(type(), XorAddress.encode(address, id));
    }
}
