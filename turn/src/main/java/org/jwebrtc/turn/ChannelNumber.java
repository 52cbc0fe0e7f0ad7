package org.jwebrtc.turn;

import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.TransactionId;

/** CHANNEL-NUMBER (RFC 8656 §18.1): a channel in 0x4000..0x4FFF, then 16 RFFU bits. */
public record ChannelNumber(int number) implements TurnAttribute {
    /** RFC 8656 §12: the range a client may bind. */
    public static final int MIN = 0x4000;
    public static final int MAX = 0x4FFF;

    public ChannelNumber {
        if (!isValid(number)) {
            throw new IllegalArgumentException("channel number outside 0x4000..0x4FFF: " + number);
        }
    }

    public static boolean isValid(int n) {
        return n >= MIN && n <= MAX;
    }

    @Override
    public int type() {
        return StunAttributeType.CHANNEL_NUMBER;
    }

    @Override
    public RawAttribute toRaw(TransactionId id) {
        return new RawAttribute(type(), new byte[] {(byte) (number >>> 8), (byte) number, 0, 0});
    }
}
