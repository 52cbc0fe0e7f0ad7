package org.jwebrtc.turn;

import java.util.Arrays;
import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.TransactionId;

/** DATA (RFC 8656 §18.4): the application payload of a Send or Data indication. Copies. */
public record Data(byte[] value) implements TurnAttribute {
    public Data {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public int type() {
        return StunAttributeType.DATA;
    }

    @Override
    public RawAttribute toRaw(TransactionId id) {
        return new RawAttribute(type(), value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Data d && Arrays.equals(value, d.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Data[" + value.length + " bytes]";
    }
}
