package org.jwebrtc.turn;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.turn.internal.XorAddress;

/** XOR-PEER-ADDRESS (RFC 8656 §18.3): the peer as seen from the relay, XOR-encoded like XOR-MAPPED-ADDRESS. */
public record XorPeerAddress(InetSocketAddress address) implements TurnAttribute {
    public XorPeerAddress {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + address);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.XOR_PEER_ADDRESS;
    }

    @Override
    public RawAttribute toRaw(TransactionId id) {
        return new RawAttribute(type(), XorAddress.encode(address, id));
    }
}
