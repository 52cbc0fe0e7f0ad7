package org.jwebrtc.stun;

/** The two class bits C1 C0 of the message type (RFC 8489 §5). */
public enum StunClass {
    REQUEST(0b00),
    INDICATION(0b01),
    SUCCESS_RESPONSE(0b10),
    ERROR_RESPONSE(0b11);

    private static final StunClass[] BY_BITS = values();
    private final int bits;

    StunClass(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public boolean isResponse() {
        return this == SUCCESS_RESPONSE || this == ERROR_RESPONSE;
    }

    public static StunClass ofBits(int bits) {
        return BY_BITS[bits & 3];
    }

    /** Class of a 14-bit message type (RFC 8489 §5: C1 is bit 8, C0 bit 4). */
    public static StunClass ofMessageType(int messageType) {
        return BY_BITS[((messageType >> 7) & 2) | ((messageType >> 4) & 1)];
    }
}
