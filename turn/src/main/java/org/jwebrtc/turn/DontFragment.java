package org.jwebrtc.turn;

import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.TransactionId;

/** DONT-FRAGMENT (RFC 8656 §18.8): no value; asks the server to set DF on relayed packets. */
public record DontFragment() implements TurnAttribute {
    @Override
    public int type() {
        return StunAttributeType.DONT_FRAGMENT;
    }

    @Override
    public RawAttribute toRaw(TransactionId id) {
        return new RawAttribute(type(), new byte[0]);
    }
}
